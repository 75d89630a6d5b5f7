/** Id of the one composition registered in Root.tsx. */
export const EXPLAINER_COMPOSITION_ID = 'Explainer';
