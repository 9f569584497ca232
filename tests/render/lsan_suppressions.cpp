// SPDX-License-Identifier: MIT
// LeakSanitizer suppressions for this test binary (read only in sanitizer builds).
// Graphviz 2.42 leaks inside gvLayout (htmlparse, make_simple_label, the pango text layout) and
// gvFreeContext, and fontconfig/glib/pango keep process-wide caches; none of these blocks are
// ours to free. Our own allocations are still checked.

extern "C" const char* __lsan_default_suppressions();

extern "C" const char* __lsan_default_suppressions() {
  return "leak:libgvc.so\n"
         "leak:libcgraph.so\n"
         "leak:libgvplugin_pango.so\n"
         "leak:libgvplugin_dot_layout.so\n"
         "leak:libpango\n"
         "leak:libcairo.so\n"
         "leak:libfontconfig.so\n"
         "leak:libglib-2.0.so\n"
         "leak:libgobject-2.0.so\n";
}
