// Tags for every story: front-matter tags as given, then the people, places and organisations
// each story is most about, named one way across the corpus.
import type {Article, StoryTag, TagsConfig} from '../types.ts'
import {extractMentions, type Mention, type StoryText, type Vocabulary} from './mentions.ts'
import {packMentions, type PackedMentions} from './packed.ts'
import {selectTags} from './select.ts'
import {createVocabulary} from './vocabulary.ts'

export {extractMentions, type Mention} from './mentions.ts'
export {packMentions, unpackMentions, type PackedMentions} from './packed.ts'
export {selectTags, type StoryMentions} from './select.ts'
export {createVocabulary} from './vocabulary.ts'

/** One story's candidates, found with the build's vocabulary and packed as a build keeps them. */
export function packedMentions(story: StoryText, vocabulary: Vocabulary): PackedMentions {
  return packMentions(extractMentions(story, vocabulary), vocabulary.shared)
}

/** result[i] is the tags (display name and kind) of articles[i]. */
export function deriveStoryTags(articles: readonly Article[], config: TagsConfig): StoryTag[][] {
  const vocabulary = createVocabulary(config)
  return selectTags(
    articles.map((article) => ({front: article.tags, mentions: packedMentions(article, vocabulary)})),
    config
  )
}

/** result[i] is the tag list (display names) of articles[i]. */
export function deriveTags(articles: readonly Article[], config: TagsConfig): string[][] {
  return deriveStoryTags(articles, config).map((tags) => tags.map((tag) => tag.name))
}

/**
 * One story's candidates, as objects to read, from a vocabulary of its own. A build finds them with
 * the build's vocabulary and keeps them packed (packed.ts) for selectTags.
 */
export function storyMentions(article: Pick<Article, 'headline' | 'paragraphs'>, config: Pick<TagsConfig, 'aliases' | 'stop'>): Mention[] {
  return extractMentions(article, createVocabulary(config))
}
