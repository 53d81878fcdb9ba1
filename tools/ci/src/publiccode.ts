/**
 * publiccode.yml against the rules of the standard (https://yml.publiccode.tools, core schema,
 * publiccodeYmlVersion "0"): the official validator (publiccode-parser-go) is a Go program these
 * machines cannot install, so the mandatory keys, types, vocabularies and lengths are checked here.
 * Returns the problems, one per line.
 */
const PLATFORMS = ['web', 'windows', 'mac', 'linux', 'ios', 'android'];
const DEVELOPMENT_STATUS = ['concept', 'development', 'beta', 'stable', 'obsolete'];
const SOFTWARE_TYPES = [
  'standalone/mobile',
  'standalone/iot',
  'standalone/desktop',
  'standalone/web',
  'standalone/backend',
  'standalone/other',
  'addon',
  'library',
  'configurationFiles',
];
const MAINTENANCE = ['internal', 'contract', 'community', 'none'];
// docs/standard/categories-list.rst and scope-list.rst of the standard.
const CATEGORIES = new Set(
  `accounting agile-project-management applicant-tracking application-development appointment-scheduling
  backup billing-and-invoicing blog budgeting business-intelligence business-process-management cad
  call-center-management cloud-management collaboration communications compliance-management
  contact-management content-management crm customer-service-and-support data-analytics data-collection
  data-visualization design design-system digital-asset-management digital-citizenship document-management
  donor-management e-commerce e-signature educational-content email-management email-marketing
  employee-management enterprise-project-management enterprise-social-networking erp event-management
  facility-management feedback-and-reviews-management financial-reporting fleet-management fundraising
  gamification geographic-information-systems grant-management graphic-design help-desk hr ide
  identity-management instant-messaging integrated-library-system inventory-management it-asset-management
  it-development it-management it-security it-service-management knowledge-management
  learning-management-system marketing mind-mapping mobile-marketing mobile-payment network-management office
  online-booking online-community payment-gateway payroll predictive-analysis procurement productivity-suite
  project-collaboration project-management property-management real-estate-management
  regulations-and-directives remote-support resource-management sales-management seo service-desk
  social-media-management survey talent-management task-management taxes-management test-management
  time-management time-tracking translation video-conferencing video-editing visitor-management voip
  warehouse-management web-collaboration web-conferencing website-builder whistleblowing workflow-management
  other`.split(/\s+/),
);
const SCOPES = new Set(
  `agriculture culture defence education emergency-services employment energy environment
  finance-and-economic-development foreign-affairs government healthcare infrastructures justice
  local-authorities manufacturing research science-and-technology security society sport tourism
  transportation welfare`.split(/\s+/),
);
const URL = /^https?:\/\/[^\s]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every(isStr);

export function problemiPubliccode(doc: unknown, spdx: (id: string) => boolean): string[] {
  const p: string[] = [];
  if (!isObj(doc)) return ['il file non contiene un oggetto YAML'];
  const need = (key: string, ok: boolean, what: string) => {
    if (!ok) p.push(`${key}: ${what}`);
  };
  need(
    'publiccodeYmlVersion',
    isStr(doc.publiccodeYmlVersion) && /^0(\.\d+)?$/.test(String(doc.publiccodeYmlVersion)),
    'obbligatorio, "0" (o "0.x")',
  );
  need('name', isStr(doc.name), 'obbligatorio');
  need('url', isStr(doc.url) && URL.test(doc.url), 'obbligatorio, URL del repository');
  if (doc.releaseDate !== undefined)
    need('releaseDate', isStr(doc.releaseDate) && DATE.test(doc.releaseDate), 'data AAAA-MM-GG');
  if (doc.softwareVersion !== undefined) need('softwareVersion', isStr(doc.softwareVersion), 'stringa');
  const platforms = typeof doc.platforms === 'string' ? [doc.platforms] : doc.platforms;
  need('platforms', strings(platforms), 'obbligatorio');
  if (strings(platforms) && !platforms.some((x) => PLATFORMS.includes(x)))
    p.push(`platforms: almeno uno tra ${PLATFORMS.join(', ')}`);
  if (doc.categories !== undefined) {
    need('categories', strings(doc.categories), 'elenco di categorie');
    for (const c of strings(doc.categories) ? doc.categories : [])
      if (!CATEGORIES.has(c)) p.push(`categories: "${c}" non è nel vocabolario dello standard`);
  }
  need(
    'developmentStatus',
    DEVELOPMENT_STATUS.includes(String(doc.developmentStatus)),
    `uno tra ${DEVELOPMENT_STATUS.join(', ')}`,
  );
  need(
    'softwareType',
    SOFTWARE_TYPES.includes(String(doc.softwareType)),
    `uno tra ${SOFTWARE_TYPES.join(', ')}`,
  );
  if (isObj(doc.intendedAudience)) {
    for (const s of (doc.intendedAudience.scope as unknown[] | undefined) ?? [])
      if (!SCOPES.has(String(s))) p.push(`intendedAudience.scope: "${String(s)}" non è nel vocabolario`);
  }
  if (!isObj(doc.description) || Object.keys(doc.description).length === 0)
    p.push('description: obbligatoria, per lingua');
  else {
    let long = false;
    let features = false;
    for (const [lang, d] of Object.entries(doc.description)) {
      const k = `description.${lang}`;
      if (!LANG.test(lang)) p.push(`${k}: codice di lingua BCP 47`);
      if (!isObj(d)) {
        p.push(`${k}: oggetto`);
        continue;
      }
      need(
        `${k}.shortDescription`,
        isStr(d.shortDescription) && d.shortDescription.trim().length <= 150,
        'obbligatoria, al più 150 caratteri',
      );
      if (d.longDescription !== undefined) {
        const n = isStr(d.longDescription) ? d.longDescription.trim().length : 0;
        need(`${k}.longDescription`, n >= 150 && n <= 10000, `da 150 a 10000 caratteri (ora ${n})`);
        long = true;
      }
      if (d.features !== undefined) {
        need(`${k}.features`, strings(d.features), 'elenco di funzionalità');
        features = true;
      }
      for (const u of ['documentation', 'apiDocumentation'])
        if (d[u] !== undefined) need(`${k}.${u}`, isStr(d[u]) && URL.test(d[u] as string), 'URL');
    }
    need('description.*.longDescription', long, 'obbligatoria in almeno una lingua');
    need('description.*.features', features, 'obbligatorie in almeno una lingua');
  }
  const legal = isObj(doc.legal) ? doc.legal : {};
  need(
    'legal.license',
    isStr(legal.license) &&
      String(legal.license)
        .split(/\s+(?:OR|AND)\s+/)
        .every(spdx),
    'obbligatoria, espressione SPDX',
  );
  const m = isObj(doc.maintenance) ? doc.maintenance : {};
  need('maintenance.type', MAINTENANCE.includes(String(m.type)), `uno tra ${MAINTENANCE.join(', ')}`);
  if (m.type === 'contract')
    need(
      'maintenance.contractors',
      Array.isArray(m.contractors) && m.contractors.length > 0,
      'obbligatori con type contract',
    );
  else if (m.contractors !== undefined) p.push('maintenance.contractors: solo con type contract');
  if (m.type === 'internal' || m.type === 'community') {
    const contacts = Array.isArray(m.contacts) ? m.contacts : [];
    need('maintenance.contacts', contacts.length > 0, `obbligatori con type ${String(m.type)}`);
    for (const c of contacts) {
      if (!isObj(c) || !isStr(c.name)) p.push('maintenance.contacts: ogni contatto ha un name');
      else if (c.email !== undefined && !(isStr(c.email) && EMAIL.test(c.email)))
        p.push(`maintenance.contacts: email non valida (${String(c.email)})`);
    }
  }
  const l = isObj(doc.localisation) ? doc.localisation : {};
  need('localisation.localisationReady', typeof l.localisationReady === 'boolean', 'obbligatorio, booleano');
  need(
    'localisation.availableLanguages',
    strings(l.availableLanguages) && l.availableLanguages.every((x) => LANG.test(x)),
    'obbligatorio, codici BCP 47',
  );
  return p;
}
