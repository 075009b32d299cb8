import { useEffect, useMemo, useState } from 'react';
import type { StoryStep } from '../domain/story-steps.ts';
import { deriveStorySteps } from '../domain/story-steps.ts';
import type { AtlasData } from '../features/dataset/dataset-query.ts';
import { useStoryCaptions } from '../features/presenter/story-query.ts';
import { isStepMove, useStepKeys } from '../features/presenter/use-step-keys.ts';
import { useStoryStep } from '../features/presenter/use-story-step.ts';
import '../features/presenter/presenter.css';
import { useWords } from '../i18n/use-words.ts';

const dataNameOf = (search: string) => new URLSearchParams(search).get('data') ?? 'events';

function formatElapsed(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** The presenter's own screen: notes, what comes next, and a clock; it drives the audience view. */
export function SpeakerApp({ data, story }: { data: AtlasData; story?: StoryStep[] }) {
  const { dataset, context } = data;
  const words = useWords();
  const { t } = words;
  const captions = useStoryCaptions(dataNameOf(window.location.search));
  const steps = useMemo(
    () => story ?? deriveStorySteps(dataset, captions.data ?? {}, context, words),
    [story, dataset, captions.data, context, words],
  );
  const { step, move } = useStoryStep(steps.length);
  const [startedAt, setStartedAt] = useState(() => Date.now());
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);

  useStepKeys((command) => {
    if (!isStepMove(command)) return false;
    move(command);
    return true;
  });

  const current = steps[step - 1];
  const next = steps[step];

  return (
    <main className="speaker">
      <header className="speaker-header">
        <h1>{t('present.speaker')}</h1>
        <p className="speaker-count" aria-live="polite">
          {t('story.step', { step, total: steps.length })}
        </p>
        <p className="speaker-clock">
          <span className="visually-hidden">{t('speaker.elapsed')}</span>
          <time>{formatElapsed(now - startedAt)}</time>
          <button type="button" onClick={() => setStartedAt(Date.now())}>
            {t('speaker.resetClock')}
          </button>
        </p>
      </header>
      <section className="speaker-current" aria-labelledby="speaker-current-title">
        <h2 id="speaker-current-title" dir="auto">
          {t('speaker.now', { title: current?.title ?? '' })}
        </h2>
        <p className="speaker-caption" dir="auto">
          {current?.caption}
        </p>
        <h3>{t('speaker.notes')}</h3>
        <p className="speaker-notes" dir="auto">
          {current?.notes || t('speaker.noNotes')}
        </p>
      </section>
      <section className="speaker-next" aria-labelledby="speaker-next-title">
        <h2 id="speaker-next-title">{t('speaker.next')}</h2>
        {next ? (
          <>
            <p className="speaker-next-title">{next.title}</p>
            <p>{next.caption}</p>
          </>
        ) : (
          <p>{t('speaker.end')}</p>
        )}
      </section>
      <nav className="speaker-nav" aria-label={t('speaker.nav')}>
        <button
          type="button"
          onClick={() => move({ type: 'previous' })}
          disabled={step <= 1}
          aria-label={t('story.previousLabel')}
        >
          {t('story.previous')}
        </button>
        <button
          type="button"
          onClick={() => move({ type: 'next' })}
          disabled={step >= steps.length}
          aria-label={t('story.nextLabel')}
        >
          {t('story.next')}
        </button>
      </nav>
    </main>
  );
}
