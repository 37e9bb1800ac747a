/** Browser entry: mounts the game into #app; /class and /teacher are the classroom server's pages. */
import './style.css';
import './desk.css';
import { startApp } from './app';
import { startStudentApp } from './classroom/student';
import { startTeacherApp } from './classroom/teacher';

const root = document.getElementById('app');
const page = typeof location !== 'undefined' && location.protocol.startsWith('http') ? location.pathname.replace(/\/+$/, '').split('/').pop() : '';
if (root) {
  if (page === 'class') startStudentApp(root);
  else if (page === 'teacher') startTeacherApp(root);
  else startApp(root);
}
