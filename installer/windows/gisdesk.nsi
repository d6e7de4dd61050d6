; GIS Desk — Windows installer (NSIS 3, Unicode, 64-bit, per-machine).
;
; Build (installer/build_windows_installer.sh does this):
;   makensis -DDIST=<dist\gisdesk folder> -DVERSION=0.1.0 [-DOUTDIR=dist] [-DFAST] gisdesk.nsi
;
;   DIST     the PyInstaller one-folder build made ON WINDOWS (gisdesk.exe, gisdesk-cli.exe,
;            _internal\). Required.
;   VERSION  the app version, e.g. 0.1.0 (gisdesk.__version__). Required.
;   OUTDIR   where the setup .exe goes (default: the current folder).
;   ICON     the .ico for the installer, uninstaller and shortcuts
;            (default: resources/icons/gisdesk.ico of this repository).
;   Relative paths are taken from this script's folder (makensis changes into it).
;   FAST     store files uncompressed: for the compile test only (seconds instead of minutes).
;
; Honesty note: the automated test (tests/test_bundle.py) can only prove that this script
; COMPILES, using the Linux one-folder build as a stand-in payload — a Windows PyInstaller build
; cannot be made on Linux, and the resulting setup.exe is not run there. Installing, the
; shortcuts and the file association must be checked by hand on Windows (see the README section
; "Building the installers").
;
; What it does: installs to "Program Files\GIS Desk", a Start-menu entry (GIS Desk), an optional
; desktop shortcut, the .gdproj project-file association (open with GIS Desk, GIS Desk icon), an
; entry in "Apps & features" and an uninstaller. The user's settings, journals and working copies
; (%APPDATA%\GISDesk, their own folders) are never touched by the uninstaller: they are data.
; The installer speaks English or Bahasa Indonesia (chosen at start, defaulting to Windows').

Unicode true
ManifestDPIAware true
RequestExecutionLevel admin

!ifndef DIST
  !error "Pass the PyInstaller output folder: makensis -DDIST=path\to\dist\gisdesk -DVERSION=x.y.z"
!endif
!ifndef VERSION
  !error "Pass the version: makensis -DVERSION=x.y.z (gisdesk.__version__)"
!endif
!ifndef OUTDIR
  !define OUTDIR "."
!endif
!ifndef ICON
  ; Relative to this script: makensis works in the script's folder (unless run with -NOCD).
  ; Forward slashes: accepted by makensis on Windows and the only separator it takes on Linux.
  !define ICON "../../resources/icons/gisdesk.ico"
!endif
!ifdef FAST
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif
; VIProductVersion wants four numbers; a three-part semantic version gets ".0".
!ifndef VERSION_QUAD
  !define VERSION_QUAD "${VERSION}.0"
!endif

!define APP_NAME "GIS Desk"
!define APP_EXE "gisdesk.exe"
!define APP_ID "GISDesk"
!define PUBLISHER "GIS Desk team"
!define PROJECT_EXT ".gdproj"
!define PROJECT_PROGID "GISDesk.Project"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"

!include "MUI2.nsh"
!include "x64.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTDIR}\gisdesk-${VERSION}-windows-x64-setup.exe"
InstallDir "$PROGRAMFILES64\${APP_NAME}"
InstallDirRegKey HKLM "Software\${APP_ID}" "InstallDir"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION_QUAD}"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} installer"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "GPL-3.0-or-later"

; ------------------------------------------------------------------ pages
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_REGISTRY_ROOT HKLM
!define MUI_LANGDLL_REGISTRY_KEY "Software\${APP_ID}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_LANGUAGE "Indonesian"

; Our own texts, in both languages (MUI translates its standard pages itself).
LangString SEC_APP_NAME ${LANG_ENGLISH} "GIS Desk (required)"
LangString SEC_APP_NAME ${LANG_INDONESIAN} "GIS Desk (wajib)"
LangString SEC_APP_DESC ${LANG_ENGLISH} "The program, the layer definitions, the translations and the sample city (Gorontalo)."
LangString SEC_APP_DESC ${LANG_INDONESIAN} "Program, definisi layer, terjemahan, dan kota contoh (Gorontalo)."
LangString SEC_DESKTOP_NAME ${LANG_ENGLISH} "Desktop shortcut"
LangString SEC_DESKTOP_NAME ${LANG_INDONESIAN} "Pintasan di desktop"
LangString SEC_DESKTOP_DESC ${LANG_ENGLISH} "Put a GIS Desk shortcut on the desktop of every user."
LangString SEC_DESKTOP_DESC ${LANG_INDONESIAN} "Taruh pintasan GIS Desk di desktop semua pengguna."
LangString SEC_ASSOC_NAME ${LANG_ENGLISH} "Open .gdproj project files with GIS Desk"
LangString SEC_ASSOC_NAME ${LANG_INDONESIAN} "Buka berkas proyek .gdproj dengan GIS Desk"
LangString SEC_ASSOC_DESC ${LANG_ENGLISH} "Double-clicking a GIS Desk project file opens it in GIS Desk."
LangString SEC_ASSOC_DESC ${LANG_INDONESIAN} "Klik ganda pada berkas proyek GIS Desk akan membukanya di GIS Desk."
LangString PROJECT_TYPE_NAME ${LANG_ENGLISH} "GIS Desk project"
LangString PROJECT_TYPE_NAME ${LANG_INDONESIAN} "Proyek GIS Desk"
LangString NEED_64BIT ${LANG_ENGLISH} "GIS Desk needs 64-bit Windows 10 or later."
LangString NEED_64BIT ${LANG_INDONESIAN} "GIS Desk memerlukan Windows 10 64-bit atau yang lebih baru."
LangString CLI_SHORTCUT ${LANG_ENGLISH} "GIS Desk command line"
LangString CLI_SHORTCUT ${LANG_INDONESIAN} "Baris perintah GIS Desk"

!insertmacro MUI_RESERVEFILE_LANGDLL

; ------------------------------------------------------------------ install
Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "$(NEED_64BIT)"
    Abort
  ${EndIf}
  SetRegView 64
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Section "$(SEC_APP_NAME)" SecApp
  SectionIn RO
  SetShellVarContext all
  ; A previous version's _internal may hold libraries this one no longer ships; stale DLLs
  ; next to new ones are the classic "works on a fresh PC only" bug.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${DIST}\*"
  File "/oname=gisdesk.ico" "${ICON}"

  WriteRegStr HKLM "Software\${APP_ID}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "Software\${APP_ID}" "Version" "${VERSION}"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\gisdesk.ico" 0
  ; The console build for headless commands (gisdesk-cli --help), opened in a command prompt.
  CreateShortcut "$SMPROGRAMS\$(CLI_SHORTCUT).lnk" "$SYSDIR\cmd.exe" \
      '/k "cd /d "$INSTDIR" && gisdesk-cli.exe --help"' "$INSTDIR\gisdesk.ico" 0

  ; "Apps & features" entry.
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\gisdesk.ico"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "$(SEC_DESKTOP_NAME)" SecDesktop
  SetShellVarContext all
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\gisdesk.ico" 0
SectionEnd

Section "$(SEC_ASSOC_NAME)" SecAssoc
  ; Per-machine association under HKLM\Software\Classes (what HKCR reads from).
  WriteRegStr HKLM "Software\Classes\${PROJECT_EXT}" "" "${PROJECT_PROGID}"
  WriteRegStr HKLM "Software\Classes\${PROJECT_EXT}" "Content Type" "application/x-gisdesk-project"
  WriteRegStr HKLM "Software\Classes\${PROJECT_EXT}\OpenWithProgids" "${PROJECT_PROGID}" ""
  WriteRegStr HKLM "Software\Classes\${PROJECT_PROGID}" "" "$(PROJECT_TYPE_NAME)"
  WriteRegStr HKLM "Software\Classes\${PROJECT_PROGID}\DefaultIcon" "" "$INSTDIR\gisdesk.ico,0"
  WriteRegStr HKLM "Software\Classes\${PROJECT_PROGID}\shell\open\command" "" \
      '"$INSTDIR\${APP_EXE}" "%1"'
  WriteRegStr HKLM "Software\Classes\Applications\${APP_EXE}\shell\open\command" "" \
      '"$INSTDIR\${APP_EXE}" "%1"'
  WriteRegStr HKLM "Software\Classes\Applications\${APP_EXE}\SupportedTypes" "${PROJECT_EXT}" ""
  ; SHCNE_ASSOCCHANGED: make Explorer show the new icon without a log-off.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} "$(SEC_APP_DESC)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(SEC_DESKTOP_DESC)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecAssoc} "$(SEC_ASSOC_DESC)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; ------------------------------------------------------------------ uninstall
Function un.onInit
  SetRegView 64
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

Section "Uninstall"
  SetShellVarContext all
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$SMPROGRAMS\$(CLI_SHORTCUT).lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"

  ; Only what the installer put there: an admin's extra files in the folder survive, and
  ; RMDir without /r leaves the folder if they exist.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\gisdesk.exe"
  Delete "$INSTDIR\gisdesk-cli.exe"
  Delete "$INSTDIR\gisdesk.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"

  ; Remove the association only if it is still ours (another program may have taken it).
  ReadRegStr $0 HKLM "Software\Classes\${PROJECT_EXT}" ""
  ${If} $0 == "${PROJECT_PROGID}"
    DeleteRegKey HKLM "Software\Classes\${PROJECT_EXT}"
  ${Else}
    DeleteRegValue HKLM "Software\Classes\${PROJECT_EXT}\OpenWithProgids" "${PROJECT_PROGID}"
  ${EndIf}
  DeleteRegKey HKLM "Software\Classes\${PROJECT_PROGID}"
  DeleteRegKey HKLM "Software\Classes\Applications\${APP_EXE}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'

  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "Software\${APP_ID}"
SectionEnd
