@rem IRC load generator (scenarios F1, F2, C); see chat-bench.sh and docs/PERFORMANCE.md.
@rem Usage: chat-bench.cmd [options]   ("chat-bench.cmd --help" lists them)
@rem Knobs: JAVA_HOME, CHAT_CLIENT_HEAP_OPTS (default -Xmx512m -XX:+UseParallelGC), CHAT_CLIENT_OPTS, JAVA_OPTS.
@echo off
setlocal
call "%~dp0chat-env.cmd" chat-bench chat-bench || exit /b 1
if not defined CHAT_CLIENT_HEAP_OPTS set "CHAT_CLIENT_HEAP_OPTS=-Xmx512m -XX:+UseParallelGC"
"%JAVA%" %CHAT_CLIENT_HEAP_OPTS% --enable-native-access=ALL-UNNAMED "-Dlog4j2.configurationFile=%CHAT_CONF_DIR%\tools-log4j2.xml" %CHAT_CLIENT_OPTS% %JAVA_OPTS% -cp "%CHAT_CLASSPATH%" org.chatroom.bench.Main %*
exit /b %ERRORLEVEL%
