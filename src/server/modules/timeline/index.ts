// The timeline of contacts (the interactions table) as other modules write it. It sits below cases, committee,
// notifications and interactions, which all log contacts, so none of them has to import another (decision 032).
export { type NewInteraction, recordInteraction } from './record-interaction';
