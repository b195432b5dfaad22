@rem Desktop (Swing) chat client.
@rem Usage: chat-gui.cmd [options]   ("chat-gui.cmd --help" lists them)
@rem Knobs: JAVA_HOME, CHAT_CLIENT_HEAP_OPTS, CHAT_CLIENT_OPTS, JAVA_OPTS.
@echo off
setlocal
call "%~dp0chat-env.cmd" chat-gui chat-swing || exit /b 1
if not defined CHAT_CLIENT_HEAP_OPTS set "CHAT_CLIENT_HEAP_OPTS=-Xmx256m -XX:+UseSerialGC"
"%JAVA%" %CHAT_CLIENT_HEAP_OPTS% --enable-native-access=ALL-UNNAMED "-Dlog4j2.configurationFile=%CHAT_CONF_DIR%\tools-log4j2.xml" %CHAT_CLIENT_OPTS% %JAVA_OPTS% -cp "%CHAT_CLASSPATH%" org.chatroom.swing.Main %*
exit /b %ERRORLEVEL%
