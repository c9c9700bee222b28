export { type InspectionEntry, type InspectionListResult, inspectionList } from './inspection-list';
export {
  type ResidentSearchCriteria,
  type ResidentSearchResult,
  type ResidentSummary,
  searchResidents,
} from './search-residents';
