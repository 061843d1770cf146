import { Box, Typography } from '@strapi/design-system';

/** A titled part of the drawer, its heading naming the region for assistive technology. */
export const Section = ({ id, title, children }: { id: string; title: string; children: React.ReactNode }) => (
  <Box tag="section" aria-labelledby={id} paddingTop={5}>
    <Typography variant="sigma" tag="h3" id={id}>
      {title}
    </Typography>
    <Box paddingTop={2}>{children}</Box>
  </Box>
);
