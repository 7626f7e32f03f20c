declare module 'virtual:code-colors.css';
