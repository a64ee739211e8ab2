// Importing @matterform/elements defines <matter-form> and <matter-materials>.
import '@matterform/elements';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
