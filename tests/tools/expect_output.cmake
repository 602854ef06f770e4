# Runs one command and checks its exit code and output, so a test can require both the message and the failure.
# -DCOMMAND=<program|arg|...> -DEXIT_CODE=<n> [-DSTDOUT_REGEX=<re>] [-DSTDERR_REGEX=<re>]
string(REPLACE "|" ";" COMMAND "${COMMAND}")
execute_process(COMMAND ${COMMAND} RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT "${code}" STREQUAL "${EXIT_CODE}")
  message(FATAL_ERROR "exit code ${code}, expected ${EXIT_CODE}\nstdout:\n${out}\nstderr:\n${err}")
endif()
if(DEFINED STDOUT_REGEX AND NOT out MATCHES "${STDOUT_REGEX}")
  message(FATAL_ERROR "stdout does not match /${STDOUT_REGEX}/:\n${out}")
endif()
if(DEFINED STDERR_REGEX AND NOT err MATCHES "${STDERR_REGEX}")
  message(FATAL_ERROR "stderr does not match /${STDERR_REGEX}/:\n${err}")
endif()
