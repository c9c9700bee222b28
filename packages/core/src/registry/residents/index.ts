export { getResident, getResidentHistory, type ResidentView } from './get-resident';
export { type PrefillRecords, readForPrefill } from './household-for-prefill';
