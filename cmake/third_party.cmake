# Third-party code: headers from Debian packages, and two libraries built from Debian *source* packages that
# scripts/setup unpacked (Dear ImGui always; Google Benchmark for WebAssembly, where no binary package exists).
file(GLOB _imgui_dirs LIST_DIRECTORIES true "${BHABIN_THIRD_PARTY_DIR}/imgui-[0-9]*")
list(SORT _imgui_dirs ORDER DESCENDING)
list(GET _imgui_dirs 0 BHABIN_IMGUI_DIR)
if(NOT EXISTS "${BHABIN_IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources not found under ${BHABIN_THIRD_PARTY_DIR}: run scripts/setup first")
endif()
add_library(imgui STATIC
  ${BHABIN_IMGUI_DIR}/imgui.cpp
  ${BHABIN_IMGUI_DIR}/imgui_draw.cpp
  ${BHABIN_IMGUI_DIR}/imgui_tables.cpp
  ${BHABIN_IMGUI_DIR}/imgui_widgets.cpp
  ${BHABIN_IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)  # InputText on std::string
target_include_directories(imgui SYSTEM PUBLIC ${BHABIN_IMGUI_DIR} ${BHABIN_IMGUI_DIR}/misc/cpp)
target_compile_definitions(imgui PUBLIC IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_DEMO_WINDOWS
  "ImDrawIdx=unsigned int")
if(NOT EMSCRIPTEN)
  # Natively ImGui only runs in tests; its test-engine hooks report every item's label and rectangle, which
  # lets panel tests click a button by its label (hooks implemented in tests/ui/headless_imgui.cpp).
  target_compile_definitions(imgui PUBLIC IMGUI_ENABLE_TEST_ENGINE)
endif()

# GoogleTest from its Debian source (libgtest-dev ships it) in both builds, so the same tests run everywhere.
set(gtest_disable_pthreads ${EMSCRIPTEN} CACHE BOOL "" FORCE)
set(BUILD_GMOCK OFF CACHE BOOL "" FORCE)
set(INSTALL_GTEST OFF CACHE BOOL "" FORCE)
add_subdirectory(/usr/src/googletest ${CMAKE_BINARY_DIR}/third_party/googletest EXCLUDE_FROM_ALL)

if(EMSCRIPTEN)
  file(GLOB _benchmark_dirs LIST_DIRECTORIES true "${BHABIN_THIRD_PARTY_DIR}/benchmark-[0-9]*")
  list(SORT _benchmark_dirs ORDER DESCENDING)
  list(GET _benchmark_dirs 0 BHABIN_BENCHMARK_DIR)
  set(BENCHMARK_ENABLE_TESTING OFF CACHE BOOL "" FORCE)
  set(BENCHMARK_ENABLE_GTEST_TESTS OFF CACHE BOOL "" FORCE)
  set(BENCHMARK_ENABLE_INSTALL OFF CACHE BOOL "" FORCE)
  set(BENCHMARK_ENABLE_WERROR OFF CACHE BOOL "" FORCE)
  set(BENCHMARK_ENABLE_LIBPFM OFF CACHE BOOL "" FORCE)
  # Debian's source package no longer asks git for its version and would leave the library's VERSION empty.
  set(GIT_VERSION "0.0.0")
  add_subdirectory(${BHABIN_BENCHMARK_DIR} ${CMAKE_BINARY_DIR}/third_party/benchmark EXCLUDE_FROM_ALL)
else()
  find_package(benchmark REQUIRED)
  find_package(Threads REQUIRED)
endif()


# Header-only libraries from Debian packages (cereal and the rapidjson it uses; nanoflann, which only the
# benchmarks compare against). The WebAssembly compiler
# must not search /usr/include (it holds glibc's headers), so both builds see them through links in the
# build tree.
set(_header_only "${CMAKE_BINARY_DIR}/header_only")
foreach(entry cereal rapidjson nanoflann.hpp)
  if(NOT EXISTS "/usr/include/${entry}")
    message(FATAL_ERROR "/usr/include/${entry} is missing: run scripts/setup first")
  endif()
  file(MAKE_DIRECTORY "${_header_only}")
  file(CREATE_LINK "/usr/include/${entry}" "${_header_only}/${entry}" SYMBOLIC)
endforeach()
add_library(header_only_deps INTERFACE)
target_include_directories(header_only_deps SYSTEM INTERFACE "${_header_only}")
