@rem Runs the Chatroom daemon in the foreground on Windows:
@rem   chat-server.cmd run [daemon options]      e.g. chat-server.cmd run --port 6697
@rem   chat-server.cmd print-cmd [daemon options]
@rem start/stop/status with a pid file are Unix-only (bin/chat-server.sh); on Windows run it in a
@rem console window, or under a service wrapper that calls "chat-server.cmd run" and stops it with
@rem Ctrl+C. Knobs as in chat-server.sh: CHAT_CONF, CHAT_HEAP_OPTS, CHAT_GC_OPTS,
@rem CHAT_SERVER_OPTS, JAVA_OPTS, JAVA_HOME.
@echo off
setlocal
set "ACTION=%~1"
if /i "%ACTION%"=="run" goto run
if /i "%ACTION%"=="print-cmd" goto run
if /i "%ACTION%"=="-h" goto usage
if /i "%ACTION%"=="--help" goto usage
if "%ACTION%"=="" goto usage_error
echo chat-server: '%ACTION%' is not available on Windows; use run or print-cmd (start/stop/status are in chat-server.sh) 1>&2
exit /b 2
:usage_error
call :usage 1>&2
exit /b 2
:usage
echo Usage: chat-server.cmd run^|print-cmd [daemon options]
echo   run        run the daemon in this window (Ctrl+C stops it)
echo   print-cmd  print the java command line
echo Daemon options are passed through, e.g. --port 6697, --bind 127.0.0.1, -o key=value.
exit /b 0

:run
call "%~dp0chat-env.cmd" chat-server chat-server || exit /b 1
if not defined CHAT_CONF set "CHAT_CONF=%CHAT_CONF_DIR%\chat-server.properties"
if not defined CHAT_HEAP_OPTS set "CHAT_HEAP_OPTS=-Xms64m -Xmx512m"
if not defined CHAT_GC_OPTS set "CHAT_GC_OPTS=-XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=40"
if not exist "%CHAT_LOG_DIR%" mkdir "%CHAT_LOG_DIR%"
rem All arguments go to the daemon exactly as typed, the action word too: the daemon skips "run"
rem and answers "print-cmd" itself. Re-splitting them here would break quotes, ampersands, percents.
"%JAVA%" %CHAT_HEAP_OPTS% %CHAT_GC_OPTS% -XX:+HeapDumpOnOutOfMemoryError "-XX:HeapDumpPath=%CHAT_LOG_DIR%" -XX:+ExitOnOutOfMemoryError --enable-native-access=ALL-UNNAMED "-Dlog4j2.configurationFile=%CHAT_CONF_DIR%\log4j2.xml" "-Dchat.log.dir=%CHAT_LOG_DIR%" %CHAT_SERVER_OPTS% %JAVA_OPTS% -cp "%CHAT_CLASSPATH%" org.chatroom.server.Main --home "%CHAT_HOME%" --config "%CHAT_CONF%" %*
exit /b %ERRORLEVEL%
