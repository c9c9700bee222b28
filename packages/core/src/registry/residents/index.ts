export { getResident, getResidentHistory, type ResidentView } from './get-resident';
