# TOCGRAPH_SANITIZE: sanitizers for the C++ tests and the command-line tool,
# e.g. -DTOCGRAPH_SANITIZE=address,undefined (tests/sanitize.sh uses it).
# UB aborts rather than printing and carrying on, so a finding fails the test;
# frame pointers keep the sanitizers' stack traces whole.
#
# Targets opt in by linking tocgraph_sanitize, an INTERFACE library that is
# empty when the option is, and is never installed or exported.

set(TOCGRAPH_SANITIZE "" CACHE STRING
  "Sanitizers for the C++ tests and the CLI, as -fsanitize= takes them (e.g. address,undefined)")

# The compile and link flags for `sanitizers` (as -fsanitize= takes them),
# set in the variable `out`; the libFuzzer harnesses use them too.
function(tocgraph_sanitizer_flags out sanitizers)
  set(flags -fsanitize=${sanitizers} -fno-omit-frame-pointer)
  if(sanitizers MATCHES "undefined")
    list(APPEND flags -fno-sanitize-recover=undefined)
  endif()
  set(${out} ${flags} PARENT_SCOPE)
endfunction()

add_library(tocgraph_sanitize INTERFACE)
if(TOCGRAPH_SANITIZE)
  if(MSVC)
    message(FATAL_ERROR "TOCGRAPH_SANITIZE is for gcc and clang")
  endif()
  tocgraph_sanitizer_flags(_tocgraph_sanitize_flags ${TOCGRAPH_SANITIZE})
  target_compile_options(tocgraph_sanitize INTERFACE ${_tocgraph_sanitize_flags})
  target_link_options(tocgraph_sanitize INTERFACE ${_tocgraph_sanitize_flags})
  message(STATUS "tocgraph: tests and CLI built with ${_tocgraph_sanitize_flags}")
endif()
