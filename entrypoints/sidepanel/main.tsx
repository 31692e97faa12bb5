import { mountPanel } from '../../src/ui/mount';
import '../panel/style.css';

mountPanel('side-panel');
