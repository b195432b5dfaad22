@rem Administers a running Chatroom daemon (exit 3: not running).
@rem Usage: chat-admin.cmd [options] [command]   ("chat-admin.cmd --help" lists them)
@rem The socket is found through conf\chat-server.properties of this install (--home is passed).
@rem Knobs: JAVA_HOME, CHAT_CLIENT_HEAP_OPTS, CHAT_CLIENT_OPTS, JAVA_OPTS.
@echo off
setlocal
call "%~dp0chat-env.cmd" chat-admin chat-admin || exit /b 1
if not defined CHAT_CLIENT_HEAP_OPTS set "CHAT_CLIENT_HEAP_OPTS=-Xmx256m -XX:+UseSerialGC"
"%JAVA%" %CHAT_CLIENT_HEAP_OPTS% --enable-native-access=ALL-UNNAMED "-Dlog4j2.configurationFile=%CHAT_CONF_DIR%\tools-log4j2.xml" %CHAT_CLIENT_OPTS% %JAVA_OPTS% -cp "%CHAT_CLASSPATH%" org.chatroom.admin.Main --home "%CHAT_HOME%" %*
exit /b %ERRORLEVEL%
