; Inno Setup 6 script: one setup .exe for Bestellkompass, installed per user (no admin rights).
;
; packaging/windows/build_setup.ps1 builds the bundle and compiles this script with the values from
; pyproject.toml. By hand, after packaging/build.sh (Git Bash):
;
;   iscc /DAppName=Bestellkompass /DAppVersion=0.1.0 /DAppExeName=Bestellkompass.exe ^
;        /DSourceDir=..\dist\bestellkompass /DOutputDir=..\dist packaging\windows\bestellkompass.iss
;
; The user's shop files live in %LOCALAPPDATA%\Bestellkompass (platformdirs), never in {app};
; uninstalling leaves them in place.

#ifndef AppName
  #error AppName is not set: pass /DAppName=... (packaging/windows/build_setup.ps1 does)
#endif
#ifndef AppVersion
  #error AppVersion is not set: pass /DAppVersion=... (packaging/windows/build_setup.ps1 does)
#endif
#ifndef AppExeName
  #define AppExeName AppName + ".exe"
#endif
#ifndef SourceDir
  #define SourceDir "..\dist\bestellkompass"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif
#define AppPublisher "Bestellkompass"
#define SetupIcon AddBackslash(SourcePath) + "..\..\resources\icons\bestellkompass.ico"

[Setup]
; AppId identifies the program for updates and uninstall: never change it.
AppId={{6C1E4B7A-2F3D-4E8B-9A51-B3C0D7E2F914}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
; Per-user install into %LOCALAPPDATA%\Programs, no UAC prompt (needs Inno Setup 6.3+).
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={#AppName}
OutputDir={#OutputDir}
OutputBaseFilename={#AppName}-{#AppVersion}-Setup
#if FileExists(SetupIcon)
SetupIconFile={#SetupIcon}
#endif
; One small download: LZMA2 over the whole bundle.
Compression=lzma2/ultra64
SolidCompression=yes
LZMAUseSeparateProcess=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
; German first: the default when Windows' language matches neither.
Name: "german"; MessagesFile: "compiler:Languages\German.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent
