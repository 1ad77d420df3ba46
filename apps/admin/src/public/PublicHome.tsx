import SearchIcon from '@mui/icons-material/Search';
import { Card, CardActionArea, CardContent, Stack, TextField, Typography } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Button, Link, useTranslate } from 'react-admin';
import { PUBLIC_SECTIONS, PublicLayout } from './PublicLayout';

const DESCRIPTIONS: Record<string, string> = {
  '/public/items': 'suiji.public.items_intro',
  '/public/plans': 'suiji.public.plans_intro',
  '/public/tasks': 'suiji.public.tasks_intro',
  '/public/draws': 'suiji.public.intro',
  '/public/results': 'suiji.public.results_intro',
  '/public/statistics': 'suiji.public.statistics_intro',
};

/**
 * The portal's entry page: what is published and where, and a search of published results by an
 * entity's name or unified social credit code. Linked from the sign-in page.
 */
export const PublicHome = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    const query = q.trim();
    void navigate(query ? `/public/results?q=${encodeURIComponent(query)}` : '/public/results');
  };
  return (
    <PublicLayout>
      <Stack spacing={3}>
        <Stack spacing={1}>
          <Typography variant="h4" component="h1">
            {translate('suiji.public.home_title')}
          </Typography>
          <Typography color="text.secondary">{translate('suiji.public.home_intro')}</Typography>
        </Stack>
        <Stack
          component="form"
          direction={{ xs: 'column', sm: 'row' }}
          spacing={1}
          onSubmit={onSearch}
          role="search"
        >
          <TextField
            label={translate('suiji.public.search')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            slotProps={{ htmlInput: { name: 'q', maxLength: 100 } }}
            sx={{ flex: 1 }}
          />
          <Button label="suiji.public.search_button" type="submit" variant="contained" size="large">
            <SearchIcon />
          </Button>
        </Stack>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          {PUBLIC_SECTIONS.map((section) => (
            <Card key={section.to} sx={{ flex: 1 }}>
              <CardActionArea component={Link} to={section.to} sx={{ height: '100%' }}>
                <CardContent>
                  <Typography variant="h6" component="h2" gutterBottom>
                    {translate(section.label)}
                  </Typography>
                  <Typography variant="body2" color="text.secondary">
                    {translate(DESCRIPTIONS[section.to] ?? '')}
                  </Typography>
                </CardContent>
              </CardActionArea>
            </Card>
          ))}
        </Stack>
      </Stack>
    </PublicLayout>
  );
};
