/** Browser entry: mounts the game into #app. */
import './style.css';
import { startApp } from './app';

const root = document.getElementById('app');
if (root) startApp(root);
