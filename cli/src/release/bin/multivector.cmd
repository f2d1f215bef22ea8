@echo off
rem Multivector (release): runs the application with the Java 17+ runtime on the PATH or in JAVA_HOME.
rem Honours JAVA_OPTS. Usage: bin\multivector run ^| ensemble ^| compare ^| serve ^| help
setlocal
set "MV_HOME=%~dp0.."
if defined JAVA_HOME (set "MV_JAVA=%JAVA_HOME%\bin\java.exe") else (set "MV_JAVA=java")
"%MV_JAVA%" %JAVA_OPTS% -Dmultivector.home="%MV_HOME%" -jar "%MV_HOME%\lib\multivector.jar" %*
exit /b %ERRORLEVEL%
