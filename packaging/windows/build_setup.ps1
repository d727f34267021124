# Build the Windows bundle and the setup .exe (Bestellkompass-<version>-Setup.exe in packaging\dist).
# Needs Python 3.11+ (the py launcher or -Python) and Inno Setup 6 (ISCC.exe; or -Iscc PATH).
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build_setup.ps1
param([string]$Python = "", [string]$Iscc = "")
$ErrorActionPreference = "Stop"

$Here = Split-Path -Parent $MyInvocation.MyCommand.Path
$Packaging = Split-Path -Parent $Here
$Repo = Split-Path -Parent $Packaging
$Dist = Join-Path $Packaging "dist"

function Check($what) { if ($LASTEXITCODE -ne 0) { throw "$what failed (exit $LASTEXITCODE)" } }

if (-not $Python) {
    $Venv = Join-Path $Packaging "build\venv"
    if (-not (Test-Path $Venv)) { py -3.11 -m venv $Venv; Check "creating the venv" }
    $Python = Join-Path $Venv "Scripts\python.exe"
}
& $Python -m pip install --disable-pip-version-check -e "$Repo[packaging]"; Check "pip install"

# Name and version from pyproject.toml (lines KEY=value).
$Meta = @{}
foreach ($line in (& $Python (Join-Path $Packaging "bundle_contents.py") metadata)) {
    $key, $value = $line -split "=", 2
    $Meta[$key] = $value.Trim("'")
}
Check "reading the metadata"

& $Python -m PyInstaller --noconfirm --log-level WARN --distpath $Dist `
    --workpath (Join-Path $Packaging "build\pyinstaller") (Join-Path $Packaging "bestellkompass.spec")
Check "PyInstaller"
$Bundle = Join-Path $Dist $Meta["APP_NAME"]

& (Join-Path $Bundle ($Meta["APP_NAME"] + "-cli.exe")) --selftest; Check "the bundled selftest"

if (-not $Iscc) {
    $Iscc = @(
        "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
        "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
        "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
    ) | Where-Object { Test-Path $_ } | Select-Object -First 1
    if (-not $Iscc) { throw "ISCC.exe (Inno Setup 6) not found: pass -Iscc PATH" }
}
& $Iscc "/DAppName=$($Meta['APP_DISPLAY_NAME'])" "/DAppVersion=$($Meta['APP_VERSION'])" `
    "/DAppExeName=$($Meta['APP_DISPLAY_NAME']).exe" "/DSourceDir=$Bundle" "/DOutputDir=$Dist" `
    "/DSetupIcon=$(Join-Path $Packaging 'build\icons\bestellkompass.ico')" `
    (Join-Path $Here "bestellkompass.iss")
Check "ISCC"
Get-ChildItem (Join-Path $Dist "*-Setup.exe") | ForEach-Object { "{0}  {1:N1} MB" -f $_.Name, ($_.Length / 1MB) }
