// The side panel's theme before its first paint. The page in the tab it shows may wear another
// theme than the system (dark Gmail on a light desktop), and the side panel learns which only
// once its scripts have loaded and asked (src/ui/theme/follow-tab.ts): until then it would paint
// in the system's and then flip. A blocking classic script is the one thing that runs before the
// first paint, so this file is plain JavaScript, outside the bundle; it puts on the theme the side
// panel last wore, which follow-tab.ts keeps in localStorage and corrects if the tab's differs.
const theme = localStorage.getItem('clyde:side-panel-theme');
if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme;
