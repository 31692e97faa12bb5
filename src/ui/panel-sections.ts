/**
 * The panel's own controls around a person that need not be there for its first look
 * (ui/later-parts.ts): help, the sync line, the parser's health, "Read this page", search.
 */
export { HelpButton } from './help/HelpButton';
export { ParserHealth } from './ParserHealth';
export { ReadThisPage } from './ReadThisPage';
export { OpenedPerson } from './search/OpenedPerson';
export { SearchPalette } from './search/SearchPalette';
export { SyncStatus } from './sync/SyncStatus';
