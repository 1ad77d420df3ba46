import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import { Accordion, AccordionDetails, AccordionSummary, Typography } from '@mui/material';
import type { Locale } from '@suiji/domain';
import { useTranslate } from 'react-admin';
import { figureFormula, figureLabel } from './statisticsView';

/**
 * 数据说明: what each figure on a page counts, in the words of the domain's definitions; `help` (a message
 * key) says how to read them there.
 */
export const FigureNotes = ({
  codes,
  locale,
  help = 'suiji.statistics.notes_help',
}: {
  codes: readonly string[];
  locale: Locale;
  help?: string;
}) => {
  const translate = useTranslate();
  return (
    <Accordion disableGutters data-testid="figure-notes">
      <AccordionSummary expandIcon={<ExpandMoreIcon />}>
        <Typography component="h2" variant="h6">
          {translate('suiji.statistics.formula')}
        </Typography>
      </AccordionSummary>
      <AccordionDetails>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {translate(help)}
        </Typography>
        <dl style={{ margin: 0 }}>
          {codes.map((code) => (
            <div key={code}>
              <Typography component="dt" variant="subtitle2" sx={{ mt: 1 }}>
                {figureLabel(code, locale)}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ ml: 2 }}>
                {figureFormula(code, locale)}
              </Typography>
            </div>
          ))}
        </dl>
      </AccordionDetails>
    </Accordion>
  );
};
