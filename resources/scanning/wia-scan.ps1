# Minh Bạch — Windows scanner driver (WIA). Run by electron/engine/scanning/wia/wiaDriver.ts as
#   powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass -File wia-scan.ps1 -Action …
# Uses the WIA Automation Layer (wiaaut.dll, part of Windows) on top of the scanner's WIA 2.0
# driver; network scanners that Windows added (eSCL / WSD) are WIA devices too.
# Every result is one JSON object per line on stdout:
#   {"event":"device",...} {"event":"capabilities",...} {"event":"page","file":...}
#   {"event":"error","hresult":"0x80210002","message":...} {"event":"done","pages":N}
# A page is written as <file>.part and renamed when complete, like scanimage does, so a killed
# scan never leaves half a page under a page's name.
param(
  [ValidateSet('list', 'capabilities', 'scan')][string]$Action = 'list',
  [string]$DeviceId = '',
  [ValidateSet('Flatbed', 'Feeder')][string]$Source = 'Feeder',
  [switch]$Duplex,
  [int]$Dpi = 300,
  [ValidateSet('Grey', 'Colour', 'Lineart')][string]$Colour = 'Grey',
  [string]$OutDir = '',
  [string]$Prefix = 'r001',
  [double]$WidthMm = 0,
  [double]$HeightMm = 0
)
$ErrorActionPreference = 'Stop'
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8

function Emit($object) { [Console]::Out.WriteLine(($object | ConvertTo-Json -Compress -Depth 5)); [Console]::Out.Flush() }
function HResult($exception) { '0x{0:X8}' -f ($exception.HResult -band 0xFFFFFFFF) }
function Fail($exception) { Emit @{ event = 'error'; hresult = (HResult $exception); message = "$($exception.Message)" }; exit 2 }

$FORMAT_PNG = '{B96B3CAF-0728-11D3-9D7B-0000F81EF32E}'
# WIA property ids (wiadef.h)
$DIP_DEV_NAME = 7; $DIP_VEND_DESC = 3
$DPS_HANDLING_CAPABILITIES = 3086; $DPS_HANDLING_SELECT = 3088; $DPS_PAGES = 3096
$IPS_CUR_INTENT = 6146; $IPS_XRES = 6147; $IPS_YRES = 6148; $IPS_XEXTENT = 6151; $IPS_YEXTENT = 6152
$FEEDER = 1; $FLATBED = 2; $DUPLEX = 4
$INTENT = @{ Colour = 1; Grey = 2; Lineart = 4 }

function Find-Prop($properties, [int]$id) { foreach ($p in $properties) { if ($p.PropertyID -eq $id) { return $p } }; return $null }
function Set-Prop($properties, [int]$id, $value) { $p = Find-Prop $properties $id; if ($p) { $p.Value = $value; return $true }; return $false }

try { $manager = New-Object -ComObject WIA.DeviceManager } catch { Fail $_.Exception }

function Connect-Device {
  foreach ($info in $manager.DeviceInfos) { if ($info.DeviceID -eq $DeviceId) { return $info.Connect() } }
  Emit @{ event = 'error'; hresult = '0x80210015'; message = "No WIA device $DeviceId" }; exit 2
}

if ($Action -eq 'list') {
  foreach ($info in $manager.DeviceInfos) {
    if ($info.Type -ne 1) { continue } # scanners only (not cameras or video)
    Emit @{ event = 'device'; id = "$($info.DeviceID)"; vendor = "$((Find-Prop $info.Properties $DIP_VEND_DESC).Value)"; model = "$((Find-Prop $info.Properties $DIP_DEV_NAME).Value)"; type = 'scanner' }
  }
  Emit @{ event = 'done'; pages = 0 }
  exit 0
}

try { $device = Connect-Device } catch { Fail $_.Exception }

if ($Action -eq 'capabilities') {
  $handling = Find-Prop $device.Properties $DPS_HANDLING_CAPABILITIES
  $caps = if ($handling) { [int]$handling.Value } else { $FLATBED }
  $item = $device.Items.Item(1)
  $xres = Find-Prop $item.Properties $IPS_XRES
  $resolutions = @(); $min = $null; $max = $null
  if ($xres -and $xres.SubType -eq 2) { foreach ($v in $xres.SubTypeValues) { $resolutions += [int]$v } } # list
  elseif ($xres -and $xres.SubType -eq 1) { $min = [int]$xres.SubTypeMin; $max = [int]$xres.SubTypeMax } # range
  Emit @{ event = 'capabilities'; handling = $caps; resolutions = $resolutions; min = $min; max = $max }
  Emit @{ event = 'done'; pages = 0 }
  exit 0
}

# scan
$select = if ($Source -eq 'Flatbed') { $FLATBED } else { $FEEDER }
if ($Duplex) { $select = $select -bor $DUPLEX }
try {
  [void](Set-Prop $device.Properties $DPS_HANDLING_SELECT $select)
  if ($Source -eq 'Feeder') { [void](Set-Prop $device.Properties $DPS_PAGES 0) } # 0 = until the feeder is empty
  $item = $device.Items.Item(1)
  [void](Set-Prop $item.Properties $IPS_CUR_INTENT $INTENT[$Colour])
  [void](Set-Prop $item.Properties $IPS_XRES $Dpi)
  [void](Set-Prop $item.Properties $IPS_YRES $Dpi)
  if ($WidthMm -gt 0) { try { [void](Set-Prop $item.Properties $IPS_XEXTENT ([int]($WidthMm / 25.4 * $Dpi))) } catch {} }
  if ($HeightMm -gt 0) { try { [void](Set-Prop $item.Properties $IPS_YEXTENT ([int]($HeightMm / 25.4 * $Dpi))) } catch {} }
} catch { Fail $_.Exception }

$n = 0
while ($true) {
  try {
    $image = $item.Transfer($FORMAT_PNG)
  } catch {
    $hr = HResult $_.Exception
    # An empty feeder after the first page is the normal end of a batch.
    if ($hr -eq '0x80210003' -and $n -gt 0) { break }
    Emit @{ event = 'error'; hresult = $hr; message = "$($_.Exception.Message)"; pages = $n }
    exit 2
  }
  if ($image.FormatID -ne $FORMAT_PNG) {
    $process = New-Object -ComObject WIA.ImageProcess
    $process.Filters.Add($process.FilterInfos.Item('Convert').FilterID)
    $process.Filters.Item(1).Properties.Item('FormatID').Value = $FORMAT_PNG
    $image = $process.Apply($image)
  }
  $n++
  $file = Join-Path $OutDir ('{0}-{1:D4}.png' -f $Prefix, $n)
  $part = "$file.part"
  if (Test-Path -LiteralPath $part) { Remove-Item -LiteralPath $part }
  $image.SaveFile($part)
  Move-Item -LiteralPath $part -Destination $file
  Emit @{ event = 'page'; file = $file }
  if ($Source -eq 'Flatbed') { break }
}
Emit @{ event = 'done'; pages = $n }
exit 0
