/**
 * The DSFR illustrative palette ("couleurs illustratives", main tones), in an order that keeps
 * neighbouring series apart. Hex values of the DSFR tokens named beside them: a canvas cannot read CSS
 * variables, and these tones are the same in the light and dark themes.
 */
export const ILLUSTRATIVE = [
  '#465f9d', // --blue-ecume-main-400
  '#ce614a', // --pink-tuile-main-556
  '#009099', // --green-archipel-main-557
  '#a558a0', // --purple-glycine-main-494
  '#c08c65', // --brown-caramel-main-648
  '#417dc4', // --blue-cumulus-main-526
  '#00a95f', // --green-emeraude-main-632
  '#e4794a', // --orange-terre-battue-main-645
] as const;

/** The "Ensemble" series, drawn in the État's blue so the total stands out from its parts. */
export const TOTAL_COLOUR = '#000091'; // --blue-france-sun-113

/** Withheld cells: grey, the DSFR's colour for what is not there. */
export const SECRET_COLOUR = '#666666'; // --grey-425

/** Shapes per series, so series differ by more than colour (RGAA 3.1). */
export const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond', 'roundRect', 'pin', 'arrow'] as const;
