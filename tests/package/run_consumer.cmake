# cmake -DBUILD_DIR=... -DCONSUMER_SOURCE=... -DWORK_DIR=... -DGENERATOR=... -DCXX=... [-DCONFIG=...] -P run_consumer.cmake
# 1. cmake --install BUILD_DIR --prefix WORK_DIR/prefix
# 2. configure + build CONSUMER_SOURCE with -DCMAKE_PREFIX_PATH=WORK_DIR/prefix
# 3. run the consumer (it reads the installed resources)
# With -DSAMPLES=DIR the installed bin/chronograph also builds DIR with the installed resources.
foreach(var BUILD_DIR CONSUMER_SOURCE WORK_DIR GENERATOR CXX)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_consumer.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT CONFIG)
  set(CONFIG Release)
endif()

set(prefix "${WORK_DIR}/prefix")
set(consumer_build "${WORK_DIR}/consumer-build")
file(REMOVE_RECURSE "${WORK_DIR}")
file(MAKE_DIRECTORY "${WORK_DIR}")

function(step name)
  string(TIMESTAMP start "%s")
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  string(TIMESTAMP end "%s")
  math(EXPR seconds "${end} - ${start}")
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${name} failed (${rc}):\n${out}\n${err}")
  endif()
  message(STATUS "${name}: ok (${seconds} s)")
  set(step_output "${out}" PARENT_SCOPE)
endfunction()

step("install" ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}" --config ${CONFIG})
foreach(f include/chronograph/chronograph.hpp lib/cmake/chronograph/chronographConfig.cmake
          share/chronograph/text/resources share/chronograph/timex/resources)
  if(NOT EXISTS "${prefix}/${f}")
    message(FATAL_ERROR "not installed: ${prefix}/${f}")
  endif()
endforeach()

# The installed program runs on the installed resources alone.
if(DEFINED SAMPLES)
  step("installed chronograph" ${CMAKE_COMMAND} -E env "CHRONOGRAPH_RESOURCES=${prefix}/share/chronograph"
    "${prefix}/bin/chronograph" build "${SAMPLES}" --format json --out "${WORK_DIR}/cli" --quiet)
  file(READ "${WORK_DIR}/cli/story.json" story_json)
  string(JSON events LENGTH "${story_json}" events)
  if(events LESS 5)
    message(FATAL_ERROR "the installed chronograph found only ${events} events in ${SAMPLES}")
  endif()
endif()

step("configure consumer" ${CMAKE_COMMAND} -S "${CONSUMER_SOURCE}" -B "${consumer_build}" -G "${GENERATOR}"
  -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE=${CONFIG} -DCMAKE_PREFIX_PATH=${prefix})
# The consumer must have used the installed package, not this build tree.
file(STRINGS "${consumer_build}/CMakeCache.txt" dir_line REGEX "^chronograph_DIR:")
if(NOT dir_line MATCHES "${prefix}/")
  message(FATAL_ERROR "the consumer found chronograph elsewhere: ${dir_line}")
endif()

step("build consumer" ${CMAKE_COMMAND} --build "${consumer_build}" --config ${CONFIG})
find_program(consumer_exe consumer PATHS "${consumer_build}" "${consumer_build}/${CONFIG}" NO_DEFAULT_PATH REQUIRED)
step("run consumer" "${consumer_exe}")
message(STATUS "consumer says: ${step_output}")
