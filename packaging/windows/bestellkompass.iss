; Inno Setup 6 script: one setup .exe for Bestellkompass, installed per user (no admin rights).
;
; packaging/windows/build_setup.ps1 builds the bundle and compiles this script with the values from
; pyproject.toml. By hand, after packaging/build.sh (Git Bash):
;
;   iscc /DAppName=Bestellkompass /DAppVersion=0.1.0 /DAppExeName=Bestellkompass.exe ^
;        /DSourceDir=..\dist\bestellkompass /DOutputDir=..\dist ^
;        /DSetupIcon=..\build\icons\bestellkompass.ico packaging\windows\bestellkompass.iss
;
; The user's shop files live in %LOCALAPPDATA%\Bestellkompass (platformdirs), never in {app};
; uninstalling leaves them in place and says where they are. A double-clicked .bkshop file opens
; in Bestellkompass (the program takes the shop path as its only argument).

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
#ifndef SetupIcon
  ; drawn from the SVG by the spec (packaging/icons.py) into packaging\build\icons
  #define SetupIcon AddBackslash(SourcePath) + "..\build\icons\bestellkompass.ico"
#endif
#define AppPublisher "Bestellkompass"
#define ShopProgId "Bestellkompass.Shop"

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
; Qt 6.8+ needs Windows 10 1809 (build 17763) or newer.
MinVersion=10.0.17763
; The .bkshop file type is registered below: tell Explorer to refresh its icons.
ChangesAssociations=yes

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

[Registry]
; The .bkshop file type, for this user (HKA is HKCU in a per-user install). The shop files
; themselves are never touched by the uninstaller; only these keys go.
Root: HKA; Subkey: "Software\Classes\.bkshop"; ValueType: string; ValueName: ""; ValueData: "{#ShopProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.bkshop\OpenWithProgids"; ValueType: string; ValueName: "{#ShopProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ShopProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:ShopFileType}"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ShopProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExeName},0"
Root: HKA; Subkey: "Software\Classes\{#ShopProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExeName}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExeName}\SupportedTypes"; ValueType: string; ValueName: ".bkshop"; ValueData: ""; Flags: uninsdeletekey

[CustomMessages]
german.ShopFileType=Bestellkompass-Laden
english.ShopFileType=Bestellkompass shop
german.ShopFilesKept=Bestellkompass wurde entfernt. Ihre Laden-Dateien und Sicherungen sind geblieben, in:%n%n%1%n%nSie können sie mit einer neuen Installation wieder öffnen oder den Ordner selbst löschen.
english.ShopFilesKept=Bestellkompass was removed. Your shop files and backups were kept, in:%n%n%1%n%nA new installation opens them again; or delete the folder yourself.

[Code]
// After uninstalling: say where the shop files are (they stay; silent uninstalls say nothing).
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
  begin
    DataDir := ExpandConstant('{localappdata}\{#AppName}');
    if DirExists(DataDir) then
      MsgBox(FmtMessage(CustomMessage('ShopFilesKept'), [DataDir]), mbInformation, MB_OK);
  end;
end;

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#StringChange(AppName, '&', '&&')}}"; Flags: nowait postinstall skipifsilent
