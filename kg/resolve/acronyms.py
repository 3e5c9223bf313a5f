"""Long forms of well-known ML acronyms (general knowledge, not taken from any input).

Acronyms with two common meanings in ML (MAP, EM, MAE, SSL...) are left out on purpose.

Two uses in resolution (:mod:`kg.resolve.entities`):

* support: a bare use of an acronym joins the meaning the corpus defines when that
  meaning is the well-known one, even if only one paper defines it (a one-paper meaning
  that is *not* the well-known one still never takes over the acronym);
* display: a node named by a well-known acronym that no paper of the corpus defines gets
  the long form as its ``long_form`` property (source ``well-known``), never as an alias:
  aliases are only what papers write.
"""
from __future__ import annotations

from kg.resolve.names import within_one_edit
from schema.names import name_key
from schema.types import DATA_TYPES

#: acronym -> its usual long form in ML research.
WELL_KNOWN: dict[str, str] = {
    "BERT": "Bidirectional Encoder Representations from Transformers",
    "BLEU": "bilingual evaluation understudy", "BPE": "byte-pair encoding", "CLIP": "Contrastive Language-Image Pre-training",
    "CNN": "convolutional neural network", "CoT": "chain-of-thought", "CRF": "conditional random field",
    "DDPM": "denoising diffusion probabilistic model", "DDIM": "denoising diffusion implicit model",
    "DPO": "Direct Preference Optimization", "DQN": "deep Q-network", "DRL": "deep reinforcement learning",
    "FID": "Fréchet Inception Distance", "FLOP": "floating point operation", "FLOPs": "floating point operations", "GAN": "generative adversarial network",
    "GAT": "graph attention network", "GCN": "graph convolutional network", "GMM": "Gaussian mixture model",
    "GNN": "graph neural network", "GP": "Gaussian process", "GPT": "Generative Pre-trained Transformer",
    "GRPO": "Group Relative Policy Optimization", "GRU": "gated recurrent unit", "HMM": "hidden Markov model",
    "ICL": "in-context learning", "IRL": "inverse reinforcement learning", "KD": "knowledge distillation",
    "KL": "Kullback-Leibler divergence", "LDA": "latent Dirichlet allocation", "LLM": "large language model",
    "LoRA": "Low-Rank Adaptation", "LSTM": "long short-term memory", "MAML": "Model-Agnostic Meta-Learning", "MARL": "multi-agent reinforcement learning",
    "MCMC": "Markov chain Monte Carlo", "MCTS": "Monte Carlo tree search", "MDP": "Markov decision process",
    "MLE": "maximum likelihood estimation", "MLP": "multilayer perceptron", "MoE": "mixture of experts",
    "MSE": "mean squared error", "NAS": "neural architecture search", "NER": "named entity recognition",
    "NeRF": "neural radiance field", "NLI": "natural language inference", "NMT": "neural machine translation",
    "PCA": "principal component analysis", "PEFT": "parameter-efficient fine-tuning", "POMDP": "partially observable Markov decision process",
    "PPO": "Proximal Policy Optimization", "PSNR": "peak signal-to-noise ratio", "QA": "question answering",
    "RAG": "retrieval-augmented generation", "RL": "reinforcement learning", "RLHF": "reinforcement learning from human feedback",
    "RMSE": "root mean squared error", "RNN": "recurrent neural network", "SAC": "soft actor-critic",
    "SFT": "supervised fine-tuning", "SGD": "stochastic gradient descent", "SSIM": "structural similarity index measure",
    "SVM": "support vector machine", "TRPO": "Trust Region Policy Optimization",
    "VAE": "variational autoencoder", "ViT": "Vision Transformer", "VLM": "vision-language model",
    "VQA": "visual question answering",
    "IoU": "intersection over union", "mIoU": "mean intersection over union", "NDCG": "normalized discounted cumulative gain",
    "MRR": "mean reciprocal rank", "WER": "word error rate", "CER": "character error rate",
    "LPIPS": "Learned Perceptual Image Patch Similarity", "FVD": "Fréchet Video Distance", "TTS": "text-to-speech",
    "NMS": "non-maximum suppression", "KG": "knowledge graph", "mAP": "mean average precision",
    "METEOR": "Metric for Evaluation of Translation with Explicit ORdering",
    "HOTA": "higher order tracking accuracy", "MOTA": "multiple object tracking accuracy",
    "MOTP": "multiple object tracking precision", "MPJPE": "mean per joint position error",
    "PCK": "percentage of correct keypoints", "TPR": "true positive rate", "FPR": "false positive rate",
    "NMI": "normalized mutual information",
    # methods, models and settings of classic ML, vision, RL and optimisation (general knowledge)
    "YOLO": "You Only Look Once", "DETR": "DEtection TRansformer", "FPN": "feature pyramid network",
    "RPN": "region proposal network", "FCN": "fully convolutional network", "SIFT": "scale-invariant feature transform",
    "HOG": "histogram of oriented gradients", "BOW": "bag-of-words", "VLAD": "vector of locally aggregated descriptors",
    "FiLM": "feature-wise linear modulation", "RoPE": "rotary position embedding", "CTC": "connectionist temporal classification",
    "WGAN": "Wasserstein generative adversarial network", "DCGAN": "deep convolutional generative adversarial network",
    "DDPG": "deep deterministic policy gradient", "A3C": "asynchronous advantage actor-critic", "TD3": "twin delayed deep deterministic policy gradient",
    "GAIL": "generative adversarial imitation learning", "UCB": "upper confidence bound",
    "GP-UCB": "Gaussian process upper confidence bound", "FTRL": "follow the regularized leader",
    "PAC": "probably approximately correct", "ELBO": "evidence lower bound", "RKHS": "reproducing kernel Hilbert space",
    "ADMM": "alternating direction method of multipliers", "SVRG": "stochastic variance reduced gradient",
    "GD": "gradient descent", "ReLU": "rectified linear unit", "LOF": "local outlier factor",
    "LDPC": "low-density parity-check", "BRISK": "Binary Robust Invariant Scalable Keypoints",
    "OIE": "open information extraction", "ResNet": "residual network", "Seq2Seq": "sequence-to-sequence",
    "ConvNet": "convolutional network", "RBF": "radial basis function", "EKF": "extended Kalman filter",
    "LSPI": "least-squares policy iteration", "BCD": "block coordinate descent",
    "WGAN-GP": "Wasserstein GAN with gradient penalty", "MaxSAT": "maximum satisfiability",
    "PGD": "projected gradient descent", "CVaR": "conditional value-at-risk", "SVR": "support vector regression",
    "PSO": "particle swarm optimization", "KCF": "kernelized correlation filter",
    "SPRT": "sequential probability ratio test", "PoE": "product of experts",
    "MADDPG": "multi-agent deep deterministic policy gradient", "FedAvg": "federated averaging",
    "VQGAN": "vector-quantized generative adversarial network", "BIC": "Bayesian information criterion",
    "VB": "variational Bayes", "CART": "classification and regression trees", "FFT": "fast Fourier transform",
    "ECOC": "error-correcting output codes",
    "MILP": "mixed-integer linear programming", "SDP": "semidefinite programming", "MDL": "minimum description length",
    "CCA": "canonical correlation analysis", "ICA": "independent component analysis", "KPCA": "kernel principal component analysis",
    "NMF": "non-negative matrix factorization", "SVD": "singular value decomposition", "kNN": "k-nearest neighbors",
    "TF-IDF": "term frequency-inverse document frequency", "GARCH": "generalized autoregressive conditional heteroskedasticity",
    "ARIMA": "autoregressive integrated moving average", "ASR": "automatic speech recognition", "SRL": "semantic role labeling",
    # benchmarks, datasets and pretrained models known by their acronym (general knowledge)
    "GLUE": "General Language Understanding Evaluation", "SQuAD": "Stanford Question Answering Dataset",
    "SNLI": "Stanford Natural Language Inference", "MNLI": "Multi-Genre Natural Language Inference",
    "SST": "Stanford Sentiment Treebank", "PTB": "Penn Treebank", "MMLU": "Massive Multitask Language Understanding",
    "COCO": "Common Objects in Context", "MS COCO": "Microsoft Common Objects in Context", "VOC": "Visual Object Classes",
    "SVHN": "Street View House Numbers", "CUB": "Caltech-UCSD Birds", "LSUN": "Large-scale Scene Understanding",
    "LFW": "Labeled Faces in the Wild", "FFHQ": "Flickr-Faces-HQ", "3DPW": "3D Poses in the Wild",
    "CLEVR": "Compositional Language and Elementary Visual Reasoning", "MS MARCO": "Microsoft MAchine Reading COmprehension",
    "NQ": "Natural Questions", "WSJ": "Wall Street Journal",
    "mBERT": "multilingual BERT", "T5": "Text-to-Text Transfer Transformer",
    "BiLSTM": "bidirectional long short-term memory", "RBM": "restricted Boltzmann machine",
    "ROUGE": "Recall-Oriented Understudy for Gisting Evaluation", "CIDEr": "Consensus-based Image Description Evaluation",
    "SBERT": "Sentence-BERT", "RANSAC": "random sample consensus", "UAV": "unmanned aerial vehicle",
    "BPTT": "backpropagation through time", "SGLD": "stochastic gradient Langevin dynamics", "HMC": "Hamiltonian Monte Carlo",
    "SMC": "sequential Monte Carlo", "NTK": "neural tangent kernel", "UMAP": "Uniform Manifold Approximation and Projection",
    "DTW": "dynamic time warping", "OCR": "optical character recognition", "LSH": "locality-sensitive hashing",
    # fields, tasks and objects of study known by their acronym
    "NLP": "natural language processing", "NLU": "natural language understanding", "NLG": "natural language generation",
    "AI": "artificial intelligence", "OOD": "out-of-distribution", "HRI": "human-robot interaction",
    "HAR": "human activity recognition", "VLN": "vision-and-language navigation", "MOT": "multi-object tracking",
    "SLAM": "simultaneous localization and mapping", "BEV": "bird's-eye view", "EEG": "electroencephalography",
    "fMRI": "functional magnetic resonance imaging", "MRI": "magnetic resonance imaging", "ECG": "electrocardiogram",
    "SDE": "stochastic differential equation", "ODE": "ordinary differential equation",
    "PDE": "partial differential equation", "IID": "independent and identically distributed",
    "3DGS": "3D Gaussian Splatting",
}
_BY_KEY = {name_key(short): long for short, long in WELL_KNOWN.items()}

#: The acronyms of :data:`WELL_KNOWN` that name data (a benchmark or dataset, or a task whose name is its
#: benchmark's: VQA, MOT); every other one is a method, model, measure, task or field. A data node named by any
#: other one is a name the extractors read as data: "SGD" of "on MultiWOZ and SGD datasets" is the Schema-Guided
#: Dialogue dataset, not stochastic gradient descent, and "ASR" of "improvements on ASR/SSIM" an attack success rate.
DATA_ACRONYMS: frozenset[str] = frozenset({
    "GLUE", "SQuAD", "SNLI", "MNLI", "SST", "PTB", "MMLU", "COCO", "MS COCO", "VOC", "SVHN", "CUB", "LSUN", "LFW",
    "FFHQ", "3DPW", "CLEVR", "MS MARCO", "VQA", "MOT", "NQ", "WSJ",
})

#: Well-known names of one word that papers also write in lower case for the same thing
#: ("fps", "lasso", "coco", "relu"): within one label group the spellings are one name. Beside
#: the acronyms of :data:`WELL_KNOWN` whose letters are no English word (CLIP is not "clip", FiLM not "film"),
#: names with two meanings in ML across groups (FPS: frames per second, a Metric; farthest
#: point sampling, a Method), which the groups keep apart.
CASE_FREE: frozenset[str] = frozenset({
    *(set(WELL_KNOWN) - {"CLIP", "RAG", "SAC", "GAT", "FiLM", "SIFT", "HOG", "BOW", "PAC", "CUB", "VOC"}), "FPS", "LASSO", "Lasso", "COCO", "MNIST", "ImageNet", "CIFAR", "ROUGE", "METEOR", "CIDEr",
    "FLOP", "FLOPS", "Adam", "ADAM", "AdamW", "ReLU", "GELU", "SQuAD", "GLUE", "SuperGLUE", "XGBoost", "AUC", "AUROC",
    "TFIDF", "GLOVE",  # the fifth split audit: "TFIDF" beside "TF-IDF"/"tf-idf", "GLOVE" beside "GloVe"
})


#: Counts written with their plural s as a capital too ("FLOPS" for "FLOPs"), joined to the
#: lower-case-s spelling in one label group; not every final S is a plural (FPS is not "FPs").
CAPITAL_S_PLURALS: frozenset[str] = frozenset({"FLOPS", "GFLOPS", "TFLOPS", "MFLOPS", "MACS", "GMACS"})


def well_known_long_form(short: str, label: str | None = None) -> str | None:
    """The usual long form of an acronym as written (case-sensitive: "clip" is not CLIP), for a node of
    ``label`` when given: a data node (Benchmark, Dataset) has only the long forms of :data:`DATA_ACRONYMS`.

    Example:
        >>> well_known_long_form("GRPO"), well_known_long_form("clip")
        ('Group Relative Policy Optimization', None)
        >>> well_known_long_form("SGD", "Dataset"), well_known_long_form("SGD", "Method"), well_known_long_form("GLUE", "Benchmark")
        (None, 'stochastic gradient descent', 'General Language Understanding Evaluation')
    """
    short = short.strip()
    if label in DATA_TYPES and not is_data_acronym(short):
        return None
    return WELL_KNOWN.get(short)


#: Acronyms whose usual meaning depends on the kind of thing named: a measure's acronym has its
#: measure sense only among measures ("MAE" is also the masked autoencoder, "FPS" farthest point
#: sampling, "AP" affinity propagation). Used for joining bare uses, never for a displayed long form.
WELL_KNOWN_FOR_LABEL: dict[tuple[str, str], tuple[str, ...]] = {
    ("Metric", "MAE"): ("mean absolute error",), ("Metric", "FPS"): ("frames per second", "frame per second"),
    ("Metric", "AP"): ("average precision",), ("Metric", "EM"): ("exact match",),
    ("Metric", "ECE"): ("expected calibration error",), ("Metric", "TPR"): ("true positive rate",),
    ("Metric", "FPR"): ("false positive rate",), ("Metric", "TNR"): ("true negative rate",),
    ("Metric", "FNR"): ("false negative rate",), ("Method", "EM"): ("expectation maximization",),
}
_BY_LABEL_KEY = {(label, name_key(short)): longs for (label, short), longs in WELL_KNOWN_FOR_LABEL.items()}


_DATA_KEYS = frozenset(name_key(short) for short in DATA_ACRONYMS)


def is_data_acronym(short: str) -> bool:
    """Whether ``short`` is a well-known acronym of data (:data:`DATA_ACRONYMS`), in any case.

    Example:
        >>> is_data_acronym("SQuAD"), is_data_acronym("squad"), is_data_acronym("SGD")
        (True, True, False)
    """
    return name_key(short) in _DATA_KEYS


def has_label_sense(short: str, label: str) -> bool:
    """Whether ``short`` has a usual meaning of its own among nodes of ``label`` (:data:`WELL_KNOWN_FOR_LABEL`).

    Example:
        >>> has_label_sense("MAE", "Metric"), has_label_sense("MAE", "Method")
        (True, False)
    """
    return (label, name_key(short)) in _BY_LABEL_KEY


def is_well_known_sense(short: str, long: str, label: str | None = None) -> bool:
    """Whether ``long`` is the usual meaning of ``short`` (its key, a plural or a hyphen aside), for a
    node of ``label`` when given (:data:`WELL_KNOWN_FOR_LABEL`).

    Example:
        >>> is_well_known_sense("CNN", "Convolutional Neural Networks"), is_well_known_sense("CLIP", "colored local iterative procedure")
        (True, False)
        >>> is_well_known_sense("FPS", "frame-per-second", "Metric"), is_well_known_sense("FPS", "frames per second", "Method")
        (True, False)
        >>> is_well_known_sense("MSE", "mean square error"), is_well_known_sense("GLUE", "general language understanding evaluation")
        (True, True)
        >>> is_well_known_sense("BiLSTM", "bidirectional long short-term memory networks")
        True
        >>> is_well_known_sense("SGD", "stochastic gradient descent", "Dataset"), is_well_known_sense("SST", "Stanford Sentiment Treebank", "Benchmark")
        (False, True)
    """
    key = name_key(short)
    if label in DATA_TYPES and key in _BY_KEY and not is_data_acronym(short):
        return False  # a dataset's "SGD" is not stochastic gradient descent
    known = (_BY_KEY[key],) if key in _BY_KEY else _BY_LABEL_KEY.get((label, key), ())
    b = _without_kind(name_key(long).rstrip("s"))
    # a plural, a kind word ("network"), or one letter apart in a long name ("mean square error" for "mean squared
    # error")
    return any(a == b or (min(len(a), len(b)) >= 12 and within_one_edit(a, b))
               for a in (_without_kind(name_key(k).rstrip("s")) for k in known))


#: Last words a measure's name may carry or leave out: "F1 score" / "F1", "Structural Similarity Index" /
#: "structural similarity", "Dice coefficient" / "Dice" (``kg.resolve.entities._measure_tail``; longest first).
MEASURE_TAILS = ("indexmeasure", "score", "index", "measure", "metric", "coefficient")
#: Last words that name a long form's kind: a measure's ("structural similarity index measure" is what "structural
#: similarity (SSIM)" names), a network's or model's ("... long short-term memory network"), a procedure's
#: ("expectation-maximization algorithm", "histogram of oriented gradients descriptor").
_KIND_TAILS = (*MEASURE_TAILS, "network", "model", "algorithm", "method", "procedure", "descriptor")


def _without_kind(key: str) -> str:
    """A long form's key without a last word that names its kind: "... long short-term memory network",
    "structural similarity index measure".

    Example:
        >>> _without_kind("structuralsimilarityindexmeasure"), _without_kind("randindex")
        ('structuralsimilarity', 'randindex')
    """
    for tail in _KIND_TAILS:
        if key.endswith(tail) and len(key) > len(tail) + 8:
            return key[: -len(tail)]
    return key
