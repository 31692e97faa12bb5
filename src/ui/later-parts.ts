import { later } from './later';

/**
 * Stand-ins for the panel's parts that follow its first look (later.tsx): what a cold panel
 * needs before it can show who is on the page is the app's frame, the database and the card's
 * name and photo; these come as two chunks right after, one for the person's sections and one
 * for the panel's own controls.
 */
const person = () => import('./person-sections');
const panel = () => import('./panel-sections');

export const Brief = later(() => person().then((m) => m.Brief));
export const ClipButton = later(() => person().then((m) => m.ClipButton));
export const CompanyStory = later(() => person().then((m) => m.CompanyStory));
export const CompanyStrip = later(() => person().then((m) => m.CompanyStrip));
export const IdentityList = later(() => person().then((m) => m.IdentityList));
export const KeepInTouch = later(() => person().then((m) => m.KeepInTouch));
export const LinkToPerson = later(() => person().then((m) => m.LinkToPerson));
export const LogEmail = later(() => person().then((m) => m.LogEmail));
export const LostEditLine = later(() => person().then((m) => m.LostEditLine));
export const LookAlikes = later(() => person().then((m) => m.LookAlikes));
export const MergeUndo = later(() => person().then((m) => m.MergeUndo));
export const MergeWith = later(() => person().then((m) => m.MergeWith));
export const NeverShow = later(() => person().then((m) => m.NeverShow));
export const RecentComplaints = later(() => person().then((m) => m.RecentComplaints));
export const RememberList = later(() => person().then((m) => m.RememberList));
export const TaskList = later(() => person().then((m) => m.TaskList));
export const Timeline = later(() => person().then((m) => m.Timeline));

export const HelpButton = later(() => panel().then((m) => m.HelpButton));
export const OpenedPerson = later(() => panel().then((m) => m.OpenedPerson));
export const ParserHealth = later(() => panel().then((m) => m.ParserHealth));
export const ReadThisPage = later(() => panel().then((m) => m.ReadThisPage));
export const SearchPalette = later(() => panel().then((m) => m.SearchPalette));
export const SyncStatus = later(() => panel().then((m) => m.SyncStatus));
