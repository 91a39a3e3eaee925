export {
  answerJson,
  answerText,
  type Fetcher,
  type SourceAnswer,
  SourceRefused,
  type SourceRequest,
  SourceUnreachable,
} from './fetcher.js';
