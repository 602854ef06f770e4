# Project-wide compiler settings: warnings for our own targets, and the WebAssembly flags every target shares.
add_library(bhabin_warnings INTERFACE)
target_compile_options(bhabin_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion)

if(EMSCRIPTEN)
  # JavaScript-based exceptions: Debian's prebuilt Emscripten library cache has no wasm-exception variants.
  add_compile_options(-fexceptions)
  add_link_options(-fexceptions -sALLOW_MEMORY_GROWTH=1)
elseif(BHABIN_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=address,undefined)
endif()

# A program that runs in node (tests, benchmarks, the command-line tool): the .wasm is embedded in the .js
# because emscripten 3.1.6 would try to fetch() it from a file path under Node.js 20.
function(bhabin_node_program target)
  if(EMSCRIPTEN)
    target_link_options(${target} PRIVATE -sSINGLE_FILE=1 -sENVIRONMENT=node -sNODERAWFS=1 -sEXIT_RUNTIME=1)
  endif()
endfunction()
