# Embeds text files (shaders) into a generated C++ header at build time, so sources never paste them as literals.
# bhabin_embed_text(<target> <header-name> <namespace> FILES <file>...): each file becomes
# `inline constexpr const char* <stem>_<ext>` in <namespace>, e.g. shaders/imgui.vert -> imgui_vert.
function(bhabin_embed_text target header namespace)
  cmake_parse_arguments(ARG "" "" "FILES" ${ARGN})
  set(out "${CMAKE_CURRENT_BINARY_DIR}/generated/${header}")
  string(REPLACE ";" "|" files "${ARG_FILES}")  # a ;-list would split into separate command arguments
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${out} -DNAMESPACE=${namespace} "-DFILES=${files}"
            -P "${CMAKE_SOURCE_DIR}/cmake/embed_text_write.cmake"
    DEPENDS ${ARG_FILES} "${CMAKE_SOURCE_DIR}/cmake/embed_text_write.cmake"
    COMMENT "Embedding ${header}"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
  target_include_directories(${target} PRIVATE "${CMAKE_CURRENT_BINARY_DIR}/generated")
endfunction()
