/** English: react-admin's own messages, plus our resources and messages. Enum names come from the domain. */
import { LABELS } from '@suiji/domain';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

const messages: TranslationMessages = {
  ...englishMessages,
  enums: { ...LABELS.en },
  resources: {
    departments: {
      name: 'Department |||| Departments',
      fields: {
        name: 'Name',
        code: 'Code',
        kind: 'Kind',
        parentId: 'Parent department',
        createdAt: 'Created',
        updatedAt: 'Updated',
      },
    },
    items: {
      name: 'Inspection item |||| Inspection items',
      fields: {
        year: 'Year',
        departmentId: 'Department',
        seq: 'No.',
        name: 'Item',
        legalBasis: 'Legal basis',
        inspectingBody: 'Inspecting body',
        category: 'Category',
        targetType: 'Target type',
        minRatioBp: 'Minimum ratio (%)',
        timesPerYear: 'Times per year',
        methods: 'Methods',
        remarks: 'Remarks',
        createdAt: 'Created',
        updatedAt: 'Updated',
      },
    },
    targets: {
      name: 'Target |||| Targets',
      fields: {
        name: 'Name',
        creditCode: 'Unified social credit code',
        kind: 'Kind',
        legalRepresentative: 'Legal representative',
        address: 'Address',
        region: 'Town / subdistrict',
        contact: 'Contact',
        tags: 'Tags',
        tag: 'Tag',
        riskClass: 'Credit risk class',
        status: 'Status',
        targetTypes: 'Target types',
        targetType: 'Target type',
        createdAt: 'Created',
        updatedAt: 'Updated',
      },
    },
    inspectors: {
      name: 'Inspector |||| Inspectors',
      fields: {
        name: 'Name',
        departmentId: 'Department',
        certificateNumber: 'Certificate number',
        certificateValidFrom: 'Certificate valid from',
        certificateValidUntil: 'Certificate valid until',
        certificateValid: 'Certificate valid',
        expertise: 'Expertise',
        status: 'Status',
        phone: 'Phone',
        userId: 'User account',
        createdAt: 'Created',
        updatedAt: 'Updated',
      },
    },
    conflicts: {
      name: 'Conflict of interest |||| Conflicts of interest',
      fields: {
        inspectorId: 'Inspector',
        targetId: 'Target',
        reason: 'Reason',
        departmentId: 'Department',
        'target.creditCode': 'Credit code',
        createdAt: 'Recorded',
        updatedAt: 'Updated',
      },
    },
    users: {
      name: 'User |||| Users',
      fields: {
        username: 'Username',
        displayName: 'Display name',
        password: 'Password',
        role: 'Role',
        departmentId: 'Department',
        active: 'Active',
        createdAt: 'Created',
        updatedAt: 'Updated',
      },
    },
  },
  suiji: {
    title: 'Random inspections',
    search: 'Search name or code',
    dashboard: {
      welcome: 'Welcome, %{name}',
      intro:
        'Draw inspection targets at random, draw inspectors at random, and publish the outcome of every inspection.',
      role: 'Role',
      department: 'Department',
      counts: 'Item list and registries',
    },
    export: {
      button: 'Export to Excel',
      done: 'Exported %{filename}',
    },
    import: {
      menu: 'Import',
      title: 'Import into the registries',
      kind: 'Import into',
      file: 'File (.xlsx or .csv)',
      choose: 'Choose file',
      template: 'Download the template',
      upload: 'Upload and import',
      uploading: 'Importing…',
      no_file: 'Choose an .xlsx or .csv file first',
      bad_type: 'Only .xlsx and .csv files can be imported',
      success: 'Import succeeded: 1 record imported |||| Import succeeded: %{smart_count} records imported',
      failed:
        'Nothing was imported: 1 problem found. Fix the file as shown below and upload it again. |||| Nothing was imported: %{smart_count} problems found. Fix the file as shown below and upload it again.',
      all_or_nothing: 'An import is all or nothing: if any row is wrong, nothing is written.',
      row: 'Row',
      column: 'Column',
      message: 'Problem',
      hint: 'How to fix',
    },
    login_failed: 'Wrong username or password: check both and try again',
    password_new: 'New password (leave empty to keep)',
    credit_code: {
      EMPTY: 'Enter the 18-character unified social credit code',
      LENGTH: 'The credit code has %{length} characters; it must have exactly 18',
      CHARACTER:
        'Character %{position} ("%{character}") is not allowed: use digits and capital letters other than I, O, S, V and Z',
      AUTHORITY: 'The first character ("%{character}") is not a registration authority (1–9, A, N or Y)',
      CATEGORY: 'The second character ("%{character}") is not an entity category of authority "%{authority}"',
      DIVISION: 'Characters 3–8 ("%{division}") must be a six-digit administrative division code',
      CHECK:
        'The check character is "%{actual}" but should be "%{expected}": compare the code with the business licence',
    },
    validation: {
      percent: 'The ratio must be between 0% and 100%',
      dates: 'The end of validity cannot be before its start',
    },
  },
};

export default messages;
