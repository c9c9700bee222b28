export {
  type ResidentSearchCriteria,
  type ResidentSearchResult,
  type ResidentSummary,
  searchResidents,
} from './search-residents';
