@rem Terminal chat client (pipe mode when input is not a console).
@rem Usage: chat-console.cmd [options]   ("chat-console.cmd --help" lists them)
@rem Knobs: JAVA_HOME, CHAT_CLIENT_HEAP_OPTS, CHAT_CLIENT_OPTS, JAVA_OPTS.
@echo off
setlocal
call "%~dp0chat-env.cmd" chat-console chat-console || exit /b 1
if not defined CHAT_CLIENT_HEAP_OPTS set "CHAT_CLIENT_HEAP_OPTS=-Xmx256m -XX:+UseSerialGC"
"%JAVA%" %CHAT_CLIENT_HEAP_OPTS% --enable-native-access=ALL-UNNAMED "-Dlog4j2.configurationFile=%CHAT_CONF_DIR%\tools-log4j2.xml" %CHAT_CLIENT_OPTS% %JAVA_OPTS% -cp "%CHAT_CLASSPATH%" org.chatroom.console.Main %*
exit /b %ERRORLEVEL%
