export { SearchPalette } from './SearchPalette';
export { Finder } from './Finder';
