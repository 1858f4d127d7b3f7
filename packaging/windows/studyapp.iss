; Inno Setup 6 script for StudyApp (Windows). Built by packaging/build.py on Windows when
; ISCC.exe is found; it passes AppVersion, SourceDir (build\dist\StudyApp), OutputDir and
; IconFile with /D. NOT run on the Linux machine this was written on: see docs/packaging.md.
;
; Install without admin rights: per user, in %LOCALAPPDATA%\Programs\StudyApp. Run as an
; administrator (or with /ALLUSERS): per machine, in C:\Program Files\StudyApp.
; Software deployment:  StudyApp-VERSION-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /ALLUSERS
;                       /NORESTART /DIR="C:\Program Files\StudyApp"
; Uninstall keeps the learners' data (%LOCALAPPDATA%\StudyApp, or data\ of a portable
; folder); the uninstaller asks whether to remove it, and /VERYSILENT never removes it
; unless /REMOVEDATA is given.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\build\dist\StudyApp"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\build\dist"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\studyapp.ico"
#endif

[Setup]
AppId={{5E2B6F0C-8C1A-4F2B-9D57-53545544A001}
AppName=StudyApp
AppVerName=StudyApp {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=StudyApp
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\StudyApp
DefaultGroupName=StudyApp
DisableProgramGroupPage=yes
; Per user without admin rights by default; the dialog (or /ALLUSERS) offers per machine.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=StudyApp-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\StudyApp.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; Optional signing: define SignTool=signtool in Inno Setup's Tools > Configure Sign Tools
; (signtool sign /fd SHA256 /tr http://timestamp.example /td SHA256 /f cert.pfx $f) and
; compile with /DSign; docs/packaging.md → Signing.
#ifdef Sign
SignTool=signtool
SignedUninstaller=yes
#endif

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[CustomMessages]
en.AppChineseName=StudyApp
zh_CN.AppChineseName=干部学习助手
en.RemoveData=Also remove the learners' StudyApp data (profiles, backups, logs) of this user?
zh_CN.RemoveData=同时删除此用户的 StudyApp 学习数据（档案、备份、日志）吗？

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:AppChineseName}"; Filename: "{app}\StudyApp.exe"
Name: "{autodesktop}\{cm:AppChineseName}"; Filename: "{app}\StudyApp.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\StudyApp.exe"; Description: "{cm:LaunchProgram,StudyApp}"; Flags: nowait postinstall skipifsilent

[Code]
function RemoveDataWanted(): Boolean;
var
  I: Integer;
begin
  Result := False;
  for I := 1 to ParamCount do
    if CompareText(ParamStr(I), '/REMOVEDATA') = 0 then
      Result := True;
  if (not Result) and (not UninstallSilent) then
    Result := MsgBox(CustomMessage('RemoveData'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES;
end;

procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  // The program folder goes; the data folder stays unless asked (learners' progress).
  if (CurUninstallStep = usPostUninstall) and RemoveDataWanted() then
    DelTree(ExpandConstant('{localappdata}\StudyApp'), True, True, True);
end;
