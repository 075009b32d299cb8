import { useId, useRef, useState } from 'react';
import type { StoryDocument, StoryReadResult, StoryStepContent } from '../../domain/story-document.ts';
import { MAX_STORY_BYTES, storyFileName } from '../../domain/story-document.ts';
import type { RemovedStep, SavedStep, SavedStory } from '../../domain/story-edit.ts';
import {
  addStory,
  duplicateStep,
  fromDocument,
  moveStep,
  newId,
  removeStep,
  removeStory,
  replaceStory,
  restoreStep,
  toDocument,
  unusedTitle,
  updateStep,
} from '../../domain/story-edit.ts';
import { encodeStory, shareUrl } from '../../domain/story-share.ts';
import { StepEditor } from './StepEditor.tsx';
import { StepList } from './StepList.tsx';
import { useStoryShelf } from './use-story-shelf.ts';
import './story.css';
import { useWords } from '../../i18n/use-words.ts';
import { storageProblemText } from './story-storage.ts';

export interface StoryPanelProps {
  dataset: StoryDocument['dataset'];
  /** The story that comes with the data (read-only); undefined while it loads. */
  builtIn: { title: string; steps: StoryStepContent[] } | undefined;
  /** The view shown now, as URL parameters, the map's framing included. */
  captureView: () => Record<string, string>;
  /** How many events the view shown now has. */
  shownCount: number;
  titleFor: (view: Record<string, string>) => string;
  readStory: (text: string) => StoryReadResult;
  onOpenView: (view: Record<string, string>) => void;
  onClose: () => void;
}

const BUILT_IN = 'built-in';

type Message = { tone: 'status' | 'alert'; text: string; details?: string[] };
type Undo = { type: 'step'; storyId: string; removed: RemovedStep } | { type: 'story'; story: SavedStory };

function download(name: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function presentHref(storyId: string | null, dataId: string): string {
  const params = new URLSearchParams({ mode: 'present' });
  if (dataId !== 'events') params.set('data', dataId);
  if (storyId) params.set('story', storyId);
  return `?${params}`;
}

/** The Story editor: a person's own talks, built from explorer views and kept in the browser. */
export function StoryPanel(props: StoryPanelProps) {
  const { dataset, builtIn, captureView, shownCount, titleFor, readStory, onOpenView, onClose } = props;
  const { shelf, update, problem } = useStoryShelf();
  const words = useWords();
  const { t } = words;
  const [activeId, setActiveId] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [undo, setUndo] = useState<Undo | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const titleId = useId();
  const panelRef = useRef<HTMLElement>(null);

  const own = shelf.stories.find((s) => s.id === shelf.open) ?? null;
  const builtInStory: SavedStory | null = builtIn
    ? {
        id: BUILT_IN,
        title: builtIn.title,
        dataset,
        steps: builtIn.steps.map((s, i) => ({ ...s, id: `built-in-${i}` })),
        updated: '',
      }
    : null;
  const story = own ?? builtInStory;
  const readOnly = own === null;
  const activeStep = story?.steps.find((s) => s.id === activeId) ?? null;

  const say = (text: string, tone: Message['tone'] = 'status', details?: string[]) =>
    setMessage({ text, tone, details });

  // Handlers change the latest shelf, never the one captured at the last render.
  const changeOwn = (change: (story: SavedStory) => Partial<SavedStory>) => {
    if (!own) return;
    const id = own.id;
    update((s) => {
      const target = s.stories.find((x) => x.id === id);
      if (!target) return s;
      return replaceStory(s, { ...target, ...change(target), updated: new Date().toISOString() });
    });
  };
  const changeSteps = (change: (steps: SavedStep[]) => SavedStep[]) =>
    changeOwn((target) => ({ steps: change(target.steps) }));

  const newStep = (): SavedStep => {
    const view = captureView();
    return { id: newId(), view, title: titleFor(view), caption: '', notes: '' };
  };

  const addView = () => {
    const step = newStep();
    if (own) {
      changeSteps((steps) => [...steps, step]);
      say(t('storyPanel.added', { title: step.title, step: own.steps.length + 1 }));
    } else {
      const created: SavedStory = {
        id: newId(),
        title: unusedTitle(shelf, t('storyPanel.myStory')),
        dataset,
        steps: [step],
        updated: new Date().toISOString(),
      };
      update((s) => addStory(s, created));
      say(t('storyPanel.started', { story: created.title, title: step.title }));
    }
    setActiveId(step.id);
    setLink(null);
  };

  const copyStory = () => {
    if (!story) return;
    const copy: SavedStory = {
      ...story,
      id: newId(),
      title: unusedTitle(shelf, t('storyPanel.copyOf', { title: story.title })),
      steps: story.steps.map((s) => ({ ...s, id: newId() })),
      updated: new Date().toISOString(),
    };
    update((s) => addStory(s, copy));
    setActiveId(null);
    say(t('storyPanel.made', { title: copy.title }));
  };

  const deleteStory = () => {
    if (!own) return;
    update((s) => removeStory(s, own.id));
    setUndo({ type: 'story', story: own });
    setActiveId(null);
    setLink(null);
    setMessage(null);
  };

  const deleteStep = (step: SavedStep) => {
    if (!own) return;
    const { removed } = removeStep(own.steps, step.id);
    if (!removed) return;
    changeSteps((steps) => removeStep(steps, step.id).steps);
    setUndo({ type: 'step', storyId: own.id, removed });
    if (activeId === step.id) setActiveId(null);
  };

  const undoLast = () => {
    if (!undo) return;
    if (undo.type === 'story') update((s) => addStory(s, undo.story));
    else
      update((s) => {
        const target = s.stories.find((x) => x.id === undo.storyId);
        return target
          ? replaceStory(
              { ...s, open: target.id },
              { ...target, steps: restoreStep(target.steps, undo.removed) },
            )
          : s;
      });
    setUndo(null);
  };

  const openStep = (step: SavedStep) => {
    setActiveId(step.id);
    onOpenView(step.view);
  };

  const exportStory = () => {
    if (!story) return;
    download(storyFileName(story.title), `${JSON.stringify(toDocument(story), null, 2)}\n`);
    say(t('storyPanel.exported', { title: story.title, file: storyFileName(story.title) }));
  };

  const importFile = async (file: File) => {
    if (file.size > MAX_STORY_BYTES) {
      say(t('storyPanel.tooLarge', { file: file.name }), 'alert');
      return;
    }
    const result = readStory(await file.text());
    if (!result.ok) {
      say(t('storyPanel.importFailed', { file: file.name, error: result.error }), 'alert');
      return;
    }
    const imported = fromDocument(result.story, new Date());
    update((s) => addStory(s, imported));
    setActiveId(null);
    setLink(null);
    const steps = result.story.steps.length;
    if (result.notices.length > 0)
      say(t('storyPanel.importedPartly', { title: imported.title, steps }), 'alert', result.notices);
    else say(t('storyPanel.imported', { title: imported.title, steps }));
  };

  const share = async () => {
    if (!story) return;
    const encoded = await encodeStory(toDocument(story));
    const url = shareUrl(new URL(window.location.href), encoded, story.dataset.id);
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      say(t('storyPanel.linkCopied'));
    } catch {
      say(t('storyPanel.linkBelow'));
    }
  };

  return (
    <section className="story-panel" aria-labelledby={titleId} ref={panelRef}>
      <header className="story-panel-header">
        <h2 id={titleId}>{t('storyPanel.heading')}</h2>
        <button type="button" onClick={onClose}>
          {t('dialog.close')}
        </button>
      </header>

      {problem && (
        <div className="story-warning" role="alert">
          <p>{storageProblemText(problem, words)}</p>
          {problem !== 'unreadable' && (
            <p>
              {t('storyPanel.exportToKeep')}{' '}
              <button type="button" onClick={exportStory} disabled={!story}>
                {t('storyPanel.exportNow')}
              </button>
            </p>
          )}
        </div>
      )}

      <div className="story-shelf">
        <label>
          {t('storyPanel.open')}{' '}
          <select
            value={own ? own.id : BUILT_IN}
            onChange={(event) => {
              const id = event.target.value;
              update((s) => ({ ...s, open: id === BUILT_IN ? null : id }));
              setActiveId(null);
              setLink(null);
            }}
          >
            <option value={BUILT_IN}>
              {t('storyPanel.builtIn', { title: builtIn?.title ?? t('storyPanel.builtInStory') })}
            </option>
            {shelf.stories.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        {own ? (
          <label>
            {t('storyPanel.title')}{' '}
            <input
              type="text"
              dir="auto"
              value={own.title}
              maxLength={200}
              onChange={(event) => {
                const title = event.target.value;
                changeOwn(() => ({ title }));
              }}
              onBlur={(event) => {
                // A story needs a name to be found again in the list.
                if (!event.target.value.trim())
                  changeOwn(() => ({ title: unusedTitle(shelf, t('storyPanel.untitled')) }));
              }}
            />
          </label>
        ) : (
          <p className="story-hint">{t('storyPanel.builtInHint')}</p>
        )}
        <div className="story-buttons">
          <button type="button" onClick={copyStory} disabled={!story}>
            {t('storyPanel.copy')}
          </button>
          {own && (
            <button type="button" onClick={deleteStory}>
              {t('storyPanel.delete')}
            </button>
          )}
        </div>
      </div>

      <button type="button" className="story-add" onClick={addView}>
        {t('storyPanel.addView')}
      </button>

      {story && (
        <StepList
          steps={story.steps}
          activeId={activeId}
          readOnly={readOnly}
          onOpen={openStep}
          onMove={(from, to) => changeSteps((steps) => moveStep(steps, from, to))}
          onDuplicate={(index) => changeSteps((steps) => duplicateStep(steps, index))}
          onDelete={deleteStep}
        />
      )}

      {undo && (
        <div className="story-undo" role="status">
          <span>
            {t('storyPanel.deleted', {
              what: undo.type,
              title: undo.type === 'story' ? undo.story.title : undo.removed.step.title,
            })}
          </span>{' '}
          <button type="button" onClick={undoLast}>
            {t('storyPanel.undo')}
          </button>
        </div>
      )}

      {activeStep && (
        <StepEditor
          key={activeStep.id}
          step={activeStep}
          readOnly={readOnly}
          showsNoEvents={shownCount === 0}
          onChange={(patch) => changeSteps((steps) => updateStep(steps, activeStep.id, patch))}
          onUpdateView={() => {
            const retitle = activeStep.title === titleFor(activeStep.view);
            const view = captureView();
            changeSteps((steps) =>
              updateStep(steps, activeStep.id, {
                view,
                ...(retitle ? { title: titleFor(view) } : {}),
              }),
            );
            say(t('storyPanel.updated', { title: activeStep.title }));
          }}
        />
      )}

      <div className="story-files">
        <button type="button" onClick={exportStory} disabled={!story}>
          {t('storyPanel.export')}
        </button>
        <label className="story-import">
          {t('storyPanel.import')}
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void importFile(file);
            }}
          />
        </label>
        <button type="button" onClick={() => void share()} disabled={!story || story.steps.length === 0}>
          {t('storyPanel.share')}
        </button>
        {story && story.steps.length > 0 ? (
          <a className="story-present" href={presentHref(own?.id ?? null, story.dataset.id)}>
            {t('explore.present')}
          </a>
        ) : (
          <span className="story-hint">{t('storyPanel.addToPresent')}</span>
        )}
      </div>

      {link && (
        <label className="story-link">
          {t('storyPanel.link')}
          <input type="text" readOnly value={link} onFocus={(event) => event.target.select()} />
        </label>
      )}

      {message && (
        <div className={`story-message is-${message.tone}`} role={message.tone}>
          <p dir="auto">{message.text}</p>
          {message.details && (
            <ul>
              {message.details.map((detail) => (
                <li key={detail} dir="auto">
                  {detail}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
