@rem Shared environment for the Chatroom .cmd scripts (Windows); CALLed by them, never run alone:
@rem   call "%~dp0chat-env.cmd" PROGRAM JAR || exit /b 1      e.g. chat-gui chat-swing
@rem Sets CHAT_HOME, CHAT_CONF_DIR, CHAT_LOG_DIR, CHAT_RUN_DIR (each kept when already set),
@rem JAVA (Java 17 or newer from JAVA_HOME, else PATH) and CHAT_CLASSPATH: in a release, lib\JAR-*.jar
@rem and the jars lib\JAR.classpath lists (each program its own, as chat-env.sh does); in a source
@rem checkout, distribution\target\classpath.txt. On a problem it prints one line and returns 1.
@rem conf\chat-env.cmd, if present, is called first to set knobs.
@echo off
set "CHAT_PROG=%~1"
set "CHAT_JAR=%~2"
for %%i in ("%~dp0..") do set "CHAT_HOME=%%~fi"
if not defined CHAT_CONF_DIR set "CHAT_CONF_DIR=%CHAT_HOME%\conf"
if exist "%CHAT_CONF_DIR%\chat-env.cmd" call "%CHAT_CONF_DIR%\chat-env.cmd"
if not defined CHAT_LOG_DIR set "CHAT_LOG_DIR=%CHAT_HOME%\logs"
if not defined CHAT_RUN_DIR set "CHAT_RUN_DIR=%CHAT_HOME%\run"

if defined JAVA_HOME goto java_home
set "JAVA=java.exe"
where java.exe >nul 2>&1 && goto java_version
echo %CHAT_PROG%: no Java found: install JDK 17 or newer, or set JAVA_HOME 1>&2
exit /b 1
:java_home
set "JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%JAVA%" goto java_version
echo %CHAT_PROG%: JAVA_HOME=%JAVA_HOME% has no bin\java.exe; point JAVA_HOME at a JDK 17+ or unset it 1>&2
exit /b 1

:java_version
set "JAVA_VERSION="
set "JAVA_MAJOR="
for /f "tokens=3" %%v in ('call "%JAVA%" -version 2^>^&1 ^| findstr /i /c:" version "') do set "JAVA_VERSION=%%~v"
for /f "tokens=1,2 delims=.-+_" %%a in ("%JAVA_VERSION%") do set "JAVA_MAJOR=%%a" & set "JAVA_MINOR=%%b"
if "%JAVA_MAJOR%"=="1" set "JAVA_MAJOR=%JAVA_MINOR%"
if not defined JAVA_MAJOR goto java_unknown
if %JAVA_MAJOR% LSS 17 goto java_old
goto classpath
:java_unknown
echo %CHAT_PROG%: cannot tell the version of %JAVA%; Chatroom needs Java 17 or newer 1>&2
exit /b 1
:java_old
echo %CHAT_PROG%: %JAVA% is Java %JAVA_VERSION%; Chatroom needs Java 17 or newer (set JAVA_HOME to a JDK 17+) 1>&2
exit /b 1

:classpath
if exist "%CHAT_HOME%\lib\" goto release_classpath
if exist "%CHAT_HOME%\distribution\target\classpath.txt" goto checkout_classpath
if exist "%CHAT_HOME%\pom.xml" goto not_built
echo %CHAT_PROG%: %CHAT_HOME% has neither lib\ (release) nor pom.xml (source checkout) 1>&2
exit /b 1
:not_built
echo %CHAT_PROG%: build first: mvn -B -DskipTests package 1>&2
exit /b 1
:release_classpath
set "CHAT_CLASSPATH="
for %%j in ("%CHAT_HOME%\lib\%CHAT_JAR%-*.jar") do set "CHAT_CLASSPATH=%%~fj"
if not defined CHAT_CLASSPATH goto no_jar
if not exist "%CHAT_HOME%\lib\%CHAT_JAR%.classpath" goto no_list
set "CHAT_LIST="
rem for /f takes the whole line (a "set" with /p would stop at 1,021 characters); the list is "lib/a.jar:lib/b.jar"
for /f "usebackq delims=" %%l in ("%CHAT_HOME%\lib\%CHAT_JAR%.classpath") do set "CHAT_LIST=%%l"
if not defined CHAT_LIST goto no_list
set "CHAT_LIST=%CHAT_LIST::=;%"
set "CHAT_LIST=%CHAT_LIST:/=\%"
rem a plain for splits at ';'; entries are jar names (no spaces, no wildcards)
for %%e in (%CHAT_LIST%) do call :add_entry "%%e" || exit /b 1
exit /b 0
:add_entry
if not exist "%CHAT_HOME%\%~1" goto missing_entry
set "CHAT_CLASSPATH=%CHAT_CLASSPATH%;%CHAT_HOME%\%~1"
exit /b 0
:missing_entry
echo %CHAT_PROG%: %CHAT_HOME%\%~1 is missing: the install is incomplete 1>&2
exit /b 1
:no_jar
echo %CHAT_PROG%: %CHAT_HOME%\lib has no %CHAT_JAR% jar: this package does not include it 1>&2
exit /b 1
:no_list
echo %CHAT_PROG%: %CHAT_HOME%\lib\%CHAT_JAR%.classpath is missing or empty: the install is incomplete 1>&2
exit /b 1
:checkout_classpath
for /f "usebackq delims=" %%c in ("%CHAT_HOME%\distribution\target\classpath.txt") do set "CHAT_CLASSPATH=%%c"
exit /b 0
