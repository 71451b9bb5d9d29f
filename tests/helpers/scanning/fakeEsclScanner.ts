/**
 * A network scanner on loopback that speaks eSCL (AirScan), the protocol of most office
 * multifunction printers, with a document feeder loaded with the given page images. SANE's own
 * `escl` backend talks to it (`scanimage -d escl:http://127.0.0.1:PORT`), so tests scan real
 * pages — text, blank sheets with show-through, separator sheets — through real SANE, which the
 * `test` backend (patterns only) cannot give.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';

const NS = 'xmlns:scan="http://schemas.hp.com/imaging/escl/2011/05/03" xmlns:pwg="http://www.pwg.org/schemas/2010/12/sm"';

function inputCaps(tag: string): string {
  const resolutions = [150, 300]
    .map((r) => `<scan:DiscreteResolution><scan:XResolution>${r}</scan:XResolution><scan:YResolution>${r}</scan:YResolution></scan:DiscreteResolution>`)
    .join('');
  return `<scan:${tag}><scan:MinWidth>16</scan:MinWidth><scan:MaxWidth>2550</scan:MaxWidth><scan:MinHeight>16</scan:MinHeight><scan:MaxHeight>3508</scan:MaxHeight><scan:MaxScanRegions>1</scan:MaxScanRegions><scan:SettingProfiles><scan:SettingProfile><scan:ColorModes><scan:ColorMode>Grayscale8</scan:ColorMode><scan:ColorMode>RGB24</scan:ColorMode></scan:ColorModes><scan:DocumentFormats><pwg:DocumentFormat>image/jpeg</pwg:DocumentFormat><scan:DocumentFormatExt>image/jpeg</scan:DocumentFormatExt></scan:DocumentFormats><scan:SupportedResolutions><scan:DiscreteResolutions>${resolutions}</scan:DiscreteResolutions></scan:SupportedResolutions></scan:SettingProfile></scan:SettingProfiles><scan:SupportedIntents><scan:Intent>Document</scan:Intent></scan:SupportedIntents><scan:MaxOpticalXResolution>300</scan:MaxOpticalXResolution><scan:MaxOpticalYResolution>300</scan:MaxOpticalYResolution></scan:${tag}>`;
}

const CAPABILITIES = `<?xml version="1.0" encoding="UTF-8"?><scan:ScannerCapabilities ${NS}><pwg:Version>2.63</pwg:Version><pwg:MakeAndModel>Minh Bach Test MFP</pwg:MakeAndModel><pwg:SerialNumber>MB-1</pwg:SerialNumber><scan:UUID>4509a320-00a0-008f-00b6-002507510eca</scan:UUID><scan:Platen>${inputCaps('PlatenInputCaps')}</scan:Platen><scan:Adf>${inputCaps('AdfSimplexInputCaps')}<scan:FeederCapacity>50</scan:FeederCapacity></scan:Adf></scan:ScannerCapabilities>`;

export interface FakeEsclScanner {
  /** The SANE device name: `escl:http://127.0.0.1:PORT`. */
  device: string;
  /** Loads the feeder again (the next job takes these pages). */
  load(pages: Buffer[]): Promise<void>;
  close(): Promise<void>;
}

/** Pages are any images sharp reads; they are served as the scanner's JPEGs. */
export async function startFakeEsclScanner(pages: Buffer[]): Promise<FakeEsclScanner> {
  let loaded: Buffer[] = [];
  let feeder: Buffer[] = [];
  let jobs = 0;
  const toJpeg = (pages: Buffer[]) => Promise.all(pages.map((p) => sharp(p).jpeg({ quality: 90 }).toBuffer()));
  loaded = await toJpeg(pages);
  let port = 0;

  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const xml = (body: string) => {
        res.writeHead(200, { 'Content-Type': 'text/xml' });
        res.end(body);
      };
      if (req.url === '/eSCL/ScannerCapabilities') return xml(CAPABILITIES);
      if (req.url === '/eSCL/ScannerStatus') {
        const adf = feeder.length > 0 || jobs === 0 || loaded.length > 0 ? 'ScannerAdfLoaded' : 'ScannerAdfEmpty';
        return xml(`<?xml version="1.0" encoding="UTF-8"?><scan:ScannerStatus ${NS}><pwg:Version>2.63</pwg:Version><pwg:State>Idle</pwg:State><scan:AdfState>${adf}</scan:AdfState></scan:ScannerStatus>`);
      }
      if (req.method === 'POST' && req.url === '/eSCL/ScanJobs') {
        jobs += 1;
        feeder = loaded;
        loaded = [];
        // SANE's escl backend looks for "Location:" with this exact case.
        res.writeHead(201, { Location: `http://127.0.0.1:${port}/eSCL/ScanJobs/job-${jobs}` });
        return res.end();
      }
      if (req.method === 'GET' && /^\/eSCL\/ScanJobs\/job-\d+\/NextDocument$/.test(req.url ?? '')) {
        const page = feeder.shift();
        if (!page) {
          res.writeHead(404);
          return res.end();
        }
        res.writeHead(200, { 'Content-Type': 'image/jpeg', 'Content-Length': page.length });
        return res.end(page);
      }
      if (req.method === 'DELETE') {
        feeder = [];
        res.writeHead(200);
        return res.end();
      }
      res.writeHead(404);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  return {
    device: `escl:http://127.0.0.1:${port}`,
    async load(next) {
      loaded = await toJpeg(next);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
