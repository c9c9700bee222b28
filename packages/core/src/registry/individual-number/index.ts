export { createIndividualNumberKey, IndividualNumberCipher, loadIndividualNumberKey } from './individual-number-cipher';
