import type { Handlers } from '../ipc/dispatcher';
import { ApiFailure } from '../ipc/failure';
import { deleteView, listViews, saveView, setDefaultView } from './views';

type ViewHandlers = Pick<Handlers, 'views.list' | 'views.save' | 'views.delete' | 'views.setDefault'>;

export const viewHandlers = (now: () => number): ViewHandlers => ({
  'views.list': ({ db }) => listViews(db),
  'views.save': ({ db }, input) => saveView(db, { ...input, now: now() }),
  'views.delete': ({ db }, { id }) => {
    if (!deleteView(db, id)) throw new ApiFailure('NOT_FOUND', `No saved view ${id}`);
    return {};
  },
  'views.setDefault': ({ db }, { id }) => {
    if (!setDefaultView(db, id)) throw new ApiFailure('NOT_FOUND', `No saved view ${id}`);
    return {};
  },
});
