// What other modules may use of beneficiaries (decision 032: a module imports another only through its index.ts).
export { addMonths } from './change-status';
export { writeBeneficiaryFile } from './create-beneficiary';
export { diffFields } from './diff-fields';
export { uploadDocument } from './documents';
export { fullName, toColumns } from './fields';
export { loadBeneficiaryFor } from './get-beneficiary-file';
export { mergeChoiceSchema, mergeFiles, undoMerge } from './merge-files';
export { presentBeneficiary } from './present';
export { type BeneficiaryRow, findByNationalId, getBeneficiary, getHousehold, replaceHousehold } from './queries';
export { registerBeneficiaryRoutes } from './routes';
export { cleanFileName, DOCUMENT_KIND, nameForType, type StoredFile, sniffMime, storeUpload } from './stored-file';
