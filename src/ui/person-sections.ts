/**
 * What the panel shows about a person after who they are (ui/later-parts.ts): one module, so it
 * arrives as one chunk rather than a dozen requests, and with it what only these parts use (date
 * parsing for logging, the free-mail list for linking companies, merge and search).
 */
export { Brief } from './Brief';
export { ClipButton } from './ClipButton';
export { LogEmail } from './capture/LogEmail';
export { RecentComplaints } from './capture/RecentComplaints';
export { CompanyStory } from './company/CompanyStory';
export { CompanyStrip } from './company/CompanyStrip';
export { IdentityList } from './identities/IdentityList';
export { MergeUndo } from './identities/MergeUndo';
export { MergeWith } from './identities/MergeWith';
export { KeepInTouch } from './keep-in-touch/KeepInTouch';
export { LookAlikes } from './LookAlikes';
export { NeverShow } from './never-log/NeverShow';
export { LostEditLine } from './sync/LostEditLine';
export { RememberList } from './RememberList';
export { LinkToPerson } from './search/LinkToPerson';
export { TaskList } from './TaskList';
export { Timeline } from './Timeline';
