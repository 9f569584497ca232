# Install rules and the exported `chronograph` CMake package (included once from the top-level
# CMakeLists.txt, after every stage). `cmake --install build [--prefix DIR]` installs:
#   lib/                       the static stage libraries chronograph_<stage>
#   bin/chronograph            the command-line program
#   include/chronograph/       the public headers (chronograph/chronograph.hpp for embedding)
#   share/chronograph/<stage>/resources/   rule tables and models (found at run time)
#   lib/cmake/chronograph/     chronographConfig.cmake, ...ConfigVersion.cmake, chronograph-targets.cmake
# Consumers: find_package(chronograph REQUIRED) and link chronograph::chronograph (every stage) or
# single stages (chronograph::pipeline, chronograph::render, ...).
include(CMakePackageConfigHelpers)

option(CHRONOGRAPH_INSTALL "Generate the install rules and the chronograph CMake package" ${PROJECT_IS_TOP_LEVEL})

# The stage libraries that exist in this configuration, in dependency order.
set(chronograph_export_stages "")
foreach(stage core ingest text timex events relations merge graph render pipeline store)
  if(TARGET chronograph_${stage})
    list(APPEND chronograph_export_stages ${stage})
    # Exported as chronograph::<stage>, the same name the ALIAS has in this tree.
    set_target_properties(chronograph_${stage} PROPERTIES EXPORT_NAME ${stage})
  endif()
endforeach()

# The umbrella chronograph::chronograph: every stage library (the executable keeps the plain
# target name `chronograph`, so the umbrella target is chronograph_chronograph).
add_library(chronograph_chronograph INTERFACE)
add_library(chronograph::chronograph ALIAS chronograph_chronograph)
set_target_properties(chronograph_chronograph PROPERTIES EXPORT_NAME chronograph)
foreach(stage ${chronograph_export_stages})
  target_link_libraries(chronograph_chronograph INTERFACE chronograph::${stage})
endforeach()

if(NOT CHRONOGRAPH_INSTALL)
  return()
endif()

set(chronograph_export_targets chronograph_chronograph)
foreach(stage ${chronograph_export_stages})
  list(APPEND chronograph_export_targets chronograph_${stage})
endforeach()
install(TARGETS ${chronograph_export_targets}
  EXPORT chronograph-targets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
if(TARGET chronograph)
  install(TARGETS chronograph RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/" DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})

# Resources: src/<stage>/resources/ -> share/chronograph/<stage>/resources/ (resource_root()'s
# last fallback is the configured prefix's share/chronograph; set CHRONOGRAPH_RESOURCES or call
# set_resource_root() when the files live elsewhere).
foreach(stage ${chronograph_export_stages})
  if(IS_DIRECTORY "${PROJECT_SOURCE_DIR}/src/${stage}/resources")
    install(DIRECTORY "${PROJECT_SOURCE_DIR}/src/${stage}/resources"
      DESTINATION ${CMAKE_INSTALL_DATADIR}/chronograph/${stage})
  endif()
endforeach()
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" "${PROJECT_SOURCE_DIR}/NOTICE"
  DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/chronograph)

set(chronograph_config_dir ${CMAKE_INSTALL_LIBDIR}/cmake/chronograph)
install(EXPORT chronograph-targets
  FILE chronograph-targets.cmake
  NAMESPACE chronograph::
  DESTINATION ${chronograph_config_dir})

# The config finds the dependencies again; whether the store (SQLite) is part of this build:
if(TARGET chronograph_store)
  set(CHRONOGRAPH_PACKAGE_HAS_STORE ON)
else()
  set(CHRONOGRAPH_PACKAGE_HAS_STORE OFF)
endif()
configure_package_config_file(
  "${CMAKE_CURRENT_LIST_DIR}/chronographConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/chronographConfig.cmake"
  INSTALL_DESTINATION ${chronograph_config_dir}
  PATH_VARS CMAKE_INSTALL_DATADIR)
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/chronographConfigVersion.cmake"
  VERSION ${PROJECT_VERSION}
  COMPATIBILITY SameMinorVersion)
install(FILES "${PROJECT_BINARY_DIR}/chronographConfig.cmake" "${PROJECT_BINARY_DIR}/chronographConfigVersion.cmake"
  DESTINATION ${chronograph_config_dir})
