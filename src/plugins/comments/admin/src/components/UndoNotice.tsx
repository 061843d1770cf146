import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useT } from '../utils/translate';
import { UNDO_SECONDS, type UndoableDecision } from '../utils/decisions';

interface Props {
  decision: UndoableDecision;
  onUndo: () => void;
}

/** Offers to take the last decision back (button or `u`) while the decisions hook keeps it undoable. */
export const UndoNotice = ({ decision, onUndo }: Props) => {
  const t = useT();
  return (
    <Box
      data-testid="undo-notice"
      role="status"
      background="neutral800"
      padding={4}
      hasRadius
      shadow="popupShadow"
      // Bottom right, inside the viewport at any width; above the drawer.
      style={{ position: 'fixed', right: 24, bottom: 24, maxWidth: 'calc(100vw - 48px)', zIndex: 4 }}
    >
      <Flex gap={4}>
        <Typography textColor="neutral0">
          {t('undo.message', { action: t(`action.${decision.action}`), seconds: UNDO_SECONDS })}
        </Typography>
        <Button variant="secondary" onClick={onUndo}>
          {t('undo.button')}
        </Button>
      </Flex>
    </Box>
  );
};
