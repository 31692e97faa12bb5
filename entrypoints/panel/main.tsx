import { mountPanel } from '../../src/ui/mount';
import './style.css';

mountPanel('frame');
