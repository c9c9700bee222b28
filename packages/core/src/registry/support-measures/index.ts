export {
  expiringSupportMeasures,
  type SetSupportMeasureInput,
  type SupportMeasureKind,
  type SupportMeasureState,
  setSupportMeasure,
  supportedPersons,
} from './support-measure';
export { type Channel, guardSupportMeasures, type Requester } from './support-measure-guard';
